//! Tables with their column alignment as classes (`align-left`, `align-center`, `align-right`)
//! instead of the `style` attributes pulldown-cmark writes, so pages need no inline styles and
//! the Content-Security-Policy can forbid them.

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// Where the rewriting is inside a table.
#[derive(Default)]
pub struct Tables {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl Tables {
    /// `event`, with every table tag written out as HTML of Folio's own.
    pub fn rewrite<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        let html = |text: &'static str| Event::Html(CowStr::Borrowed(text));
        match event {
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments;
                html("<table>\n")
            }
            Event::End(TagEnd::Table) => {
                self.alignments.clear();
                html("</tbody>\n</table>\n")
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                html("<thead>\n<tr>")
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                html("</tr>\n</thead>\n<tbody>\n")
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                html("<tr>")
            }
            Event::End(TagEnd::TableRow) => html("</tr>\n"),
            Event::Start(Tag::TableCell) => {
                let alignment = self.alignments.get(self.column).copied();
                self.column += 1;
                Event::Html(CowStr::Borrowed(cell_open(self.in_head, alignment)))
            }
            Event::End(TagEnd::TableCell) => html(if self.in_head { "</th>" } else { "</td>" }),
            other => other,
        }
    }
}

fn cell_open(head: bool, alignment: Option<Alignment>) -> &'static str {
    match (head, alignment) {
        (true, Some(Alignment::Left)) => "<th class=\"align-left\">",
        (true, Some(Alignment::Center)) => "<th class=\"align-center\">",
        (true, Some(Alignment::Right)) => "<th class=\"align-right\">",
        (true, _) => "<th>",
        (false, Some(Alignment::Left)) => "<td class=\"align-left\">",
        (false, Some(Alignment::Center)) => "<td class=\"align-center\">",
        (false, Some(Alignment::Right)) => "<td class=\"align-right\">",
        (false, _) => "<td>",
    }
}
