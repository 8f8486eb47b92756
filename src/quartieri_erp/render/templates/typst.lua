-- Offline PDF: callouts and run-info boxes become shaded Typst blocks.
local boxed = {["callout-note"] = "rgb(\"#eef4fb\")", ["callout-tip"] = "rgb(\"#eef4fb\")",
               ["callout-warning"] = "rgb(\"#fff4e0\")", ["callout-important"] = "rgb(\"#fff4e0\")",
               ["run-info"] = "luma(245)", ["colophon"] = "luma(245)"}

function Div(el)
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

-- PDF/UA-1: every image carries its alternative text (the cell's fig-alt) into the tagged PDF.
local function typst_string(text)
  return '"' .. text:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

function Image(el)
  local alt = el.attributes.alt or pandoc.utils.stringify(el.caption)
  local width = el.attributes.width and (", width: " .. el.attributes.width:gsub("%%", "") .. "%") or ""
  return pandoc.RawInline("typst", "#image(" .. typst_string(el.src) .. width .. ", alt: " .. typst_string(alt) .. ")")
end
