//! Where an issue is: a [`Path`] from the root of the input to a value.
//!
//! A path lives on the stack as a chain of borrowed segments, so building one for every
//! field allocates nothing; the strings of [`Path::field`] and [`Path::pointer`] are made only
//! when an issue is reported.

use std::fmt::Write;

/// One step of a [`Path`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    /// The root of the input.
    Root,
    /// An object key (a field's wire name).
    Key(&'a str),
    /// An index into a JSON array (a record of a batch).
    Index(usize),
    /// An index into a list encoded inside a string (`badges[2]`): shown in the field path,
    /// absent from the JSON pointer, which cannot point inside a string.
    Embedded(usize),
}

/// A path from the root of the input to a value.
///
/// ```
/// use job_schema::Path;
/// let root = Path::ROOT;
/// let record = root.index(3);
/// let badges = record.key("badges");
/// let element = badges.embedded(2);
/// assert_eq!(element.field(), "[3].badges[2]");
/// assert_eq!(element.pointer(), "/3/badges");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    segment: Segment<'a>,
}

impl<'a> Path<'a> {
    /// The root: field `""`, pointer `""`.
    pub const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
    };

    /// The path of the value under `key` in the object at this path.
    #[must_use]
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
        }
    }

    /// The path of element `index` of the array at this path.
    #[must_use]
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
        }
    }

    /// The path of element `index` of a list encoded in the string at this path.
    #[must_use]
    pub fn embedded(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Embedded(index),
        }
    }

    /// The last segment.
    pub fn segment(&self) -> Segment<'a> {
        self.segment
    }

    fn segments(&self) -> Vec<Segment<'a>> {
        let mut out = Vec::new();
        let mut at = Some(self);
        while let Some(path) = at {
            out.push(path.segment);
            at = path.parent;
        }
        out.reverse();
        out
    }

    /// The wire path: keys joined by `.`, indices as `[i]`; `""` at the root.
    pub fn field(&self) -> String {
        let mut out = String::new();
        for segment in self.segments() {
            match segment {
                Segment::Root => {}
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Segment::Index(i) | Segment::Embedded(i) => {
                    let _ = write!(out, "[{i}]");
                }
            }
        }
        out
    }

    /// The RFC 6901 JSON pointer: `/key/0/other`, with `~` and `/` escaped; `""` at the root.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in self.segments() {
            match segment {
                Segment::Root | Segment::Embedded(_) => {}
                Segment::Key(key) => {
                    out.push('/');
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                }
                Segment::Index(i) => {
                    let _ = write!(out, "/{i}");
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_empty() {
        assert_eq!(Path::ROOT.field(), "");
        assert_eq!(Path::ROOT.pointer(), "");
    }

    #[test]
    fn nested_keys_join_with_dots_and_pointer_escapes() {
        let root = Path::ROOT;
        let a = root.key("address");
        let b = a.key("a/b~c");
        assert_eq!(b.field(), "address.a/b~c");
        assert_eq!(b.pointer(), "/address/a~1b~0c");
    }
}
