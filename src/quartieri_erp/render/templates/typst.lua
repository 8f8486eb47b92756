-- Offline PDF: callouts and run-info boxes become shaded Typst blocks.
local boxed = {["callout-note"] = "rgb(\"#eef4fb\")", ["callout-tip"] = "rgb(\"#eef4fb\")",
               ["callout-warning"] = "rgb(\"#fff4e0\")", ["callout-important"] = "rgb(\"#fff4e0\")",
               ["run-info"] = "luma(245)", ["colophon"] = "luma(245)"}

-- Quarto's conditional content: `.content-visible when-format="html"` is left out of the PDF,
-- `.content-hidden when-format="html"` is kept (only "typst" and "pdf" name this output).
local function shown_here(el)
  local fmt = el.attributes["when-format"]
  if not fmt then return true end
  local here = (fmt == "typst" or fmt == "pdf")
  if el.classes:includes("content-visible") then return here end
  if el.classes:includes("content-hidden") then return not here end
  return true
end

function Div(el)
  if not shown_here(el) then return {} end
  if el.classes:includes("source-note") then
    local blocks = {pandoc.RawBlock("typst", "#block(above: 0.4em, below: 1.2em)[#set text(size: 8.5pt, fill: luma(70))")}
    for _, b in ipairs(el.content) do table.insert(blocks, b) end
    table.insert(blocks, pandoc.RawBlock("typst", "]"))
    return blocks
  end
  for _, class in ipairs(el.classes) do
    local fill = boxed[class]
    if fill then
      local blocks = {pandoc.RawBlock("typst", "#block(width: 100%, fill: " .. fill .. ", inset: 8pt, radius: 3pt)[")}
      for _, b in ipairs(el.content) do table.insert(blocks, b) end
      table.insert(blocks, pandoc.RawBlock("typst", "]"))
      return blocks
    end
  end
end
