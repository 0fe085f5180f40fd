package main

const c = "abc"[1]
const d = "abc"[5]

func main() {}
