-- method_calls: dynamic dispatch through method tables, 10 million calls.
local Square = {}; Square.__index = Square
function Square.area(q) return q.s * q.s end
local Rect = {}; Rect.__index = Rect
function Rect.area(r) return r.w * r.h end
local Tri = {}; Tri.__index = Tri
function Tri.area(t) return t.b * t.h // 2 end

local shapes = {
  setmetatable({ s = 3 }, Square),
  setmetatable({ w = 2, h = 5 }, Rect),
  setmetatable({ b = 4, h = 6 }, Tri),
}
local total = 0
for i = 0, 10000000 - 1 do
  total = total + shapes[i % 3 + 1]:area()
end
print(total)
