//! Where an issue is: a [`Path`] from the root of the input to a value.
//!
//! A path lives on the stack as a chain of borrowed segments, so building one for every
//! field allocates nothing; the strings of [`Path::field`] and [`Path::pointer`] are made only
//! when an issue is reported, and not even then for a top-level field of the table, whose
//! name and pointer are static.

use std::borrow::Cow;
use std::fmt::Write;

use crate::spec::FieldSpec;

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
    /// The field's table entry, when the key is a field of a derived struct.
    spec: Option<&'static FieldSpec>,
}

impl<'a> Path<'a> {
    /// The root: field `""`, pointer `""`.
    pub const ROOT: Path<'static> = Path {
        parent: None,
        segment: Segment::Root,
        spec: None,
    };

    /// The path of the value under `key` in the object at this path.
    #[must_use]
    #[inline]
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(key),
            spec: None,
        }
    }

    /// The path of the field `spec` in the object at this path: the same as
    /// [`Path::key`] with the field's wire name, but an issue of a top-level field borrows
    /// the field's name and pointer instead of allocating them.
    #[must_use]
    #[inline]
    pub fn field_of(&'a self, spec: &'static FieldSpec) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Key(spec.name),
            spec: Some(spec),
        }
    }

    /// The path of element `index` of the array at this path.
    #[must_use]
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Index(index),
            spec: None,
        }
    }

    /// The path of element `index` of a list encoded in the string at this path.
    #[must_use]
    pub fn embedded(&'a self, index: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            segment: Segment::Embedded(index),
            spec: None,
        }
    }

    /// The last segment.
    pub fn segment(&self) -> Segment<'a> {
        self.segment
    }

    /// Calls `f` on each segment, from the root down.
    fn walk(&self, f: &mut impl FnMut(Segment<'a>)) {
        if let Some(parent) = self.parent {
            parent.walk(f);
        }
        f(self.segment);
    }

    /// The key of a path that is one key below the root (a field of a top-level record).
    #[inline]
    fn top_key(&self) -> Option<&'a str> {
        match (self.segment, self.parent) {
            (Segment::Key(key), Some(parent)) if parent.parent.is_none() => {
                matches!(parent.segment, Segment::Root).then_some(key)
            }
            _ => None,
        }
    }

    /// The table entry of a top-level field.
    #[inline]
    fn top_spec(&self) -> Option<&'static FieldSpec> {
        self.spec.filter(|_| self.top_key().is_some())
    }

    /// The wire path: keys joined by `.`, indices as `[i]`; `""` at the root.
    ///
    /// Borrowed for the root and for a top-level field made with [`Path::field_of`];
    /// otherwise allocated once, at the exact length.
    #[inline]
    pub fn field(&self) -> Cow<'static, str> {
        match self.top_spec() {
            Some(spec) => Cow::Borrowed(spec.name),
            None => self.build_field(),
        }
    }

    /// [`Path::field`] and [`Path::pointer`] at once: whether the path is a top-level field
    /// of the table is asked once for both.
    #[inline]
    pub(crate) fn names(&self) -> (Cow<'static, str>, Cow<'static, str>) {
        match self.top_spec() {
            Some(spec) => (Cow::Borrowed(spec.name), Cow::Borrowed(spec.pointer)),
            None => (self.build_field(), self.build_pointer()),
        }
    }

    /// [`Path::field`] when it is not borrowed.
    fn build_field(&self) -> Cow<'static, str> {
        if self.parent.is_none() {
            return Cow::Borrowed("");
        }
        if let Some(key) = self.top_key() {
            return Cow::Owned(key.to_owned());
        }
        let mut len = 0;
        self.walk(&mut |segment| match segment {
            Segment::Root => {}
            Segment::Key(key) => len += usize::from(len > 0) + key.len(),
            Segment::Index(i) | Segment::Embedded(i) => len += 2 + decimal_len(i),
        });
        let mut out = String::with_capacity(len);
        self.walk(&mut |segment| match segment {
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
        });
        Cow::Owned(out)
    }

    /// The RFC 6901 JSON pointer: `/key/0/other`, with `~` and `/` escaped; `""` at the root.
    ///
    /// Borrowed for the root and for a top-level field made with [`Path::field_of`];
    /// otherwise allocated once, at the exact length.
    #[inline]
    pub fn pointer(&self) -> Cow<'static, str> {
        match self.top_spec() {
            Some(spec) => Cow::Borrowed(spec.pointer),
            None => self.build_pointer(),
        }
    }

    /// [`Path::pointer`] when it is not borrowed.
    fn build_pointer(&self) -> Cow<'static, str> {
        if self.parent.is_none() {
            return Cow::Borrowed("");
        }
        if let Some(key) = self.top_key() {
            if !key.bytes().any(|b| b == b'~' || b == b'/') {
                let mut out = String::with_capacity(1 + key.len());
                out.push('/');
                out.push_str(key);
                return Cow::Owned(out);
            }
        }
        let mut len = 0;
        self.walk(&mut |segment| match segment {
            Segment::Root | Segment::Embedded(_) => {}
            Segment::Key(key) => {
                len += 1 + key.len() + key.bytes().filter(|b| matches!(b, b'~' | b'/')).count();
            }
            Segment::Index(i) => len += 1 + decimal_len(i),
        });
        let mut out = String::with_capacity(len);
        self.walk(&mut |segment| match segment {
            Segment::Root | Segment::Embedded(_) => {}
            Segment::Key(key) => {
                out.push('/');
                if key.bytes().any(|b| b == b'~' || b == b'/') {
                    for c in key.chars() {
                        match c {
                            '~' => out.push_str("~0"),
                            '/' => out.push_str("~1"),
                            c => out.push(c),
                        }
                    }
                } else {
                    out.push_str(key);
                }
            }
            Segment::Index(i) => {
                let _ = write!(out, "/{i}");
            }
        });
        Cow::Owned(out)
    }
}

/// The number of decimal digits of `n`.
fn decimal_len(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
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
    fn strings_are_allocated_at_their_exact_length() {
        let root = Path::ROOT;
        let batch = root.index(1234);
        let record = batch.key("badges");
        let element = record.embedded(10);
        let odd = element.key("a~b/c");
        let empty = root.key("");
        let after_empty = empty.key("x");
        let top = root.key("status");
        let top_odd = root.key("a/b");
        for (path, field, pointer) in [
            (&root, "", ""),
            (&batch, "[1234]", "/1234"),
            (&record, "[1234].badges", "/1234/badges"),
            (&element, "[1234].badges[10]", "/1234/badges"),
            (&odd, "[1234].badges[10].a~b/c", "/1234/badges/a~0b~1c"),
            (&empty, "", "/"),
            (&after_empty, "x", "//x"),
            (&top, "status", "/status"),
            (&top_odd, "a/b", "/a~1b"),
        ] {
            let (f, p) = (path.field().into_owned(), path.pointer().into_owned());
            assert_eq!(f, field);
            assert_eq!(p, pointer);
            let (f2, p2) = path.names();
            assert_eq!((&*f2, &*p2), (field, pointer));
            assert_eq!(f.capacity(), f.len());
            assert_eq!(p.capacity(), p.len());
        }
        assert_eq!(decimal_len(0), 1);
        assert_eq!(decimal_len(9), 1);
        assert_eq!(decimal_len(10), 2);
        assert_eq!(decimal_len(usize::MAX), usize::MAX.to_string().len());
    }

    #[test]
    fn top_level_fields_of_the_table_borrow_their_name_and_pointer() {
        static SPEC: FieldSpec = FieldSpec {
            name: "a/b",
            pointer: "/a~1b",
            ident: "a_b",
            shape: crate::Shape::Text,
            optional: true,
            list: false,
            rules: &[],
            class: crate::FieldClass::Writable,
            notice: "",
            doc: "",
            nested: None,
            aliases: &[],
            nested_custom_prefix: None,
            nested_deny_unknown_fields: false,
            nested_check_value: None,
        };
        let root = Path::ROOT;
        let top = root.field_of(&SPEC);
        assert!(matches!(top.field(), Cow::Borrowed("a/b")));
        assert!(matches!(top.pointer(), Cow::Borrowed("/a~1b")));
        assert!(matches!(
            top.names(),
            (Cow::Borrowed("a/b"), Cow::Borrowed("/a~1b"))
        ));
        // Below the root (a record of a batch), the strings are built.
        let record = root.index(2);
        let below = record.field_of(&SPEC);
        assert!(matches!(below.field(), Cow::Owned(f) if f == "[2].a/b"));
        assert!(matches!(below.pointer(), Cow::Owned(p) if p == "/2/a~1b"));
        assert!(matches!(root.field(), Cow::Borrowed("")));
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
