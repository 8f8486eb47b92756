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
    return nil  -- see Blocks: the footer of the table above it, or a small paragraph
  end
  for _, class in ipairs(el.classes) do
    local fill = boxed[class]
    if fill then
      local blocks = {pandoc.RawBlock("typst", "#block(width: 100%, fill: " .. fill .. ", inset: 8pt, radius: 3pt)[")}
      if el.attributes.title then  -- a callout's title opens the box in bold, as in Quarto
        table.insert(blocks, pandoc.Para({pandoc.Strong(pandoc.read(el.attributes.title, "markdown").blocks[1].content)}))
      end
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
  local width = el.attributes.width and (", width: " .. el.attributes.width) or ""
  return pandoc.RawInline("typst", "#image(" .. typst_string(el.src) .. width .. ", alt: " .. typst_string(alt) .. ")")
end

-- A chart floats to the top or bottom of a page (Typst's placement: auto) instead of leaving the rest of
-- the page empty when it does not fit; its caption stays with it.
function Figure(el)
  local image = nil
  pandoc.walk_block(pandoc.Div(el.content), {
    RawInline = function(r) if r.format == "typst" and r.text:sub(1, 7) == "#image(" then image = r.text:sub(2) end end,
  })
  if image == nil then return nil end
  local caption = pandoc.write(pandoc.Pandoc(el.caption.long), "typst"):gsub("%s+$", "")
  local label = el.identifier ~= "" and (" <" .. el.identifier .. ">") or ""
  return pandoc.RawBlock("typst", "#figure(" .. image .. ",\n  caption: [" .. caption .. "],\n  placement: auto,\n)" .. label)
end

-- A table: the space for its caption, header and first rows is kept together (a table never breaks
-- before its third row), and the "Fonte" line that follows it becomes the table's footer, so that it is
-- never separated from the last rows.
local function is_source(block)
  return block and block.t == "Div" and block.classes:includes("source-note")
end

function Blocks(blocks)
  local out = pandoc.Blocks({})
  local i = 1
  while i <= #blocks do
    local block = blocks[i]
    if block.t == "Table" then
      out:insert(pandoc.RawBlock("typst", "#needspace(9em)"))
      if is_source(blocks[i + 1]) then
        local columns = #block.colspecs
        local cell = pandoc.Cell(blocks[i + 1].content, pandoc.AlignLeft, 1, columns)
        block.foot = pandoc.TableFoot({pandoc.Row({cell})})
        i = i + 1
      end
    end
    if is_source(block) then
      out:insert(pandoc.RawBlock("typst", "#block(above: 0.4em, below: 1.2em)[#set text(size: 8.5pt, fill: luma(70))"))
      out:extend(block.content)
      out:insert(pandoc.RawBlock("typst", "]"))
    else
      out:insert(block)
    end
    i = i + 1
  end
  return out
end
