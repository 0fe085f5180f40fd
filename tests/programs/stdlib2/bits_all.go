package main

import (
	"fmt"
	"math/bits"
)

func main() {
	vals := []uint64{0, 1, 2, 3, 0x80, 0xff, 0x100, 0xdeadbeef, 1 << 31, 1 << 32, 1<<63 + 5, ^uint64(0), 0x0123456789abcdef}
	for _, v := range vals {
		fmt.Println(v, bits.LeadingZeros64(v), bits.TrailingZeros64(v), bits.OnesCount64(v), bits.Len64(v), bits.Reverse64(v), bits.ReverseBytes64(v),
			bits.RotateLeft64(v, 3), bits.RotateLeft64(v, -3), bits.LeadingZeros(uint(v)), bits.TrailingZeros(uint(v)), bits.OnesCount(uint(v)), bits.Len(uint(v)), bits.Reverse(uint(v)), bits.RotateLeft(uint(v), 65))
		v32, v16, v8 := uint32(v), uint16(v), uint8(v)
		fmt.Println(" ", bits.LeadingZeros32(v32), bits.TrailingZeros32(v32), bits.OnesCount32(v32), bits.Len32(v32), bits.Reverse32(v32), bits.ReverseBytes32(v32), bits.RotateLeft32(v32, 7), bits.RotateLeft32(v32, -40))
		fmt.Println(" ", bits.LeadingZeros16(v16), bits.TrailingZeros16(v16), bits.OnesCount16(v16), bits.Len16(v16), bits.Reverse16(v16), bits.ReverseBytes16(v16), bits.RotateLeft16(v16, 5))
		fmt.Println(" ", bits.LeadingZeros8(v8), bits.TrailingZeros8(v8), bits.OnesCount8(v8), bits.Len8(v8), bits.Reverse8(v8), bits.RotateLeft8(v8, -1))
		for _, w := range vals {
			s, c := bits.Add64(v, w, 1)
			d, b := bits.Sub64(v, w, 1)
			h, l := bits.Mul64(v, w)
			s32, c32 := bits.Add32(uint32(v), uint32(w), 0)
			d32, b32 := bits.Sub32(uint32(v), uint32(w), 1)
			h32, l32 := bits.Mul32(uint32(v), uint32(w))
			fmt.Println("   ", s, c, d, b, h, l, s32, c32, d32, b32, h32, l32)
			if w != 0 {
				q, r := bits.Div64(v%w, l, w)
				fmt.Println("   div", q, r, bits.Rem64(v, l, w))
			}
			if uint32(w) != 0 {
				q, r := bits.Div32(uint32(v)%uint32(w), l32, uint32(w))
				fmt.Println("   div32", q, r, bits.Rem32(uint32(v), l32, uint32(w)))
			}
		}
	}
	s, c := bits.Add(1, ^uint(0), 0)
	h, l := bits.Mul(1<<40, 1<<40)
	q, r := bits.Div(1, 0, 3)
	fmt.Println(bits.UintSize, s, c, h, l, q, r, bits.Rem(7, 3, 5))
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		bits.Div64(5, 0, 3)
	}()
	func() {
		defer func() {
			e := recover()
			fmt.Println("recovered:", e)
			_, ok := e.(error)
			fmt.Println(ok)
		}()
		bits.Div64(0, 1, 0)
	}()
}
