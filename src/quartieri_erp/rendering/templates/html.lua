-- Offline HTML: wide tables scroll inside their own box instead of widening the page. The box is a
-- labelled region that takes keyboard focus, so that it can be scrolled without a mouse (WCAG 2.1.1);
-- its name is the table's caption, or for a table without one its column headers.
local function name(el)
  local caption = pandoc.utils.stringify(el.caption.long)
  if caption ~= "" then return caption end
  local headers = {}
  for _, row in ipairs(el.head.rows) do
    for _, cell in ipairs(row.cells) do table.insert(headers, pandoc.utils.stringify(cell.contents)) end
  end
  return "Tabella: " .. table.concat(headers, ", ")
end

function Table(el)
  -- a list of pairs, not a Lua table: the attributes come out in the same order on every run
  local attributes = {{"tabindex", "0"}, {"role", "region"}, {"aria-label", name(el)}}
  return pandoc.Div({el}, pandoc.Attr("", {"table-scroll"}, attributes))
end

-- Quarto's conditional content: `.content-visible when-format="…"` is kept only for "html",
-- `.content-hidden when-format="html"` is left out. A callout's title (Quarto's `title` attribute) opens its box
-- in bold, as Quarto's header does.
function Div(el)
  local fmt = el.attributes["when-format"]
  if fmt then
    local here = (fmt == "html")
    if el.classes:includes("content-visible") and not here then return {} end
    if el.classes:includes("content-hidden") and here then return {} end
    -- kept content is unwrapped, as Quarto does: a heading inside keeps its own id (a cross-reference lands
    -- on the heading, not on a <section> made of the div)
    return el.content
  end
  local title = el.attributes.title
  if title and el.classes[1] and el.classes[1]:match("^callout%-") then
    el.content:insert(1, pandoc.Para({pandoc.Strong(pandoc.read(title, "markdown").blocks[1].content)}))
    el.attributes.title = nil
    return el
  end
end
