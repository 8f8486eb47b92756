-- Offline HTML: wide tables scroll inside their own box instead of widening the page.
function Table(el)
  return pandoc.Div({el}, pandoc.Attr("", {"table-scroll"}))
end
