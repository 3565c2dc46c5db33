//! Where an issue is: a [`Path`] from the root of the input to a value.
//!
//! A path lives on the stack as a chain of borrowed segments, so building one for every
//! field allocates nothing; the strings of [`Path::field`] and [`Path::pointer`] are made only
//! when an issue is reported, and not even then for a top-level field of the table, whose
//! name and pointer are static.
//!
//! A key from the input (a segment made with [`Path::key`]: an unknown, custom or repeated
//! key) longer than [`ECHO_LIMIT`] characters is cut in both strings as a value is cut in its
//! echo: its first `ECHO_LIMIT - 1` characters, then `…` (see [`Path::field`]), so that an
//! issue's path is bounded whatever the input; a field name of the table ([`Path::field_of`])
//! is the schema's own, and shown whole.

use std::borrow::Cow;
use std::fmt::Write;

use crate::report::ECHO_LIMIT;
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

    /// Calls `f` on each segment, from the root down, with what a key is shown as: a field
    /// name of the table (a segment made with [`Path::field_of`]) whole, any other key as
    /// [`Shown::of`] cuts it.
    fn walk(&self, f: &mut impl FnMut(Segment<'a>, Shown<'a>)) {
        if let Some(parent) = self.parent {
            parent.walk(f);
        }
        let shown = match self.segment {
            Segment::Key(key) if self.spec.is_some() => Shown {
                kept: key,
                cut: false,
            },
            Segment::Key(key) => Shown::of(key),
            _ => Shown {
                kept: "",
                cut: false,
            },
        };
        f(self.segment, shown);
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
    /// A key made with [`Path::key`] (one from the input) of more than [`ECHO_LIMIT`]
    /// characters (Unicode scalar values) is shown as its first `ECHO_LIMIT - 1` characters
    /// and `…`, as [`echo`](crate::report::echo) cuts a value (control characters are kept:
    /// the text output escapes them, JSON encodes them), so that a path never grows with the
    /// input. A field name of the table ([`Path::field_of`]) is shown whole.
    ///
    /// Borrowed for the root and for a top-level field made with [`Path::field_of`];
    /// otherwise allocated once, at the exact length.
    ///
    /// ```
    /// use job_schema::{report::ECHO_LIMIT, Path};
    /// let long = "k".repeat(100_000);
    /// let field = Path::ROOT.key(&long).field();
    /// assert_eq!(field, format!("{}…", "k".repeat(ECHO_LIMIT - 1)));
    /// assert_eq!(field.chars().count(), ECHO_LIMIT);
    /// ```
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
            let key = Shown::of(key);
            let mut out = String::with_capacity(key.len());
            key.push_to(&mut out);
            return Cow::Owned(out);
        }
        let mut len = 0;
        self.walk(&mut |segment, key| match segment {
            Segment::Root => {}
            Segment::Key(_) => len += usize::from(len > 0) + key.len(),
            Segment::Index(i) | Segment::Embedded(i) => len += 2 + decimal_len(i),
        });
        let mut out = String::with_capacity(len);
        self.walk(&mut |segment, key| match segment {
            Segment::Root => {}
            Segment::Key(_) => {
                if !out.is_empty() {
                    out.push('.');
                }
                key.push_to(&mut out);
            }
            Segment::Index(i) | Segment::Embedded(i) => {
                let _ = write!(out, "[{i}]");
            }
        });
        Cow::Owned(out)
    }

    /// The RFC 6901 JSON pointer: `/key/0/other`, with `~` and `/` escaped; `""` at the root.
    ///
    /// A long key is cut as in [`Path::field`] (the same characters, then `…`) before `~` and
    /// `/` are escaped, so that the pointer stays well formed and names the same cut key:
    /// a key takes at most `2 × ECHO_LIMIT` characters of it (when every one is a `~` or a
    /// `/`).
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
            let key = Shown::of(key);
            let escapes = key.escapes();
            let mut out = String::with_capacity(1 + key.len() + escapes);
            out.push('/');
            key.push_escaped_to(&mut out, escapes);
            return Cow::Owned(out);
        }
        let mut len = 0;
        self.walk(&mut |segment, key| match segment {
            Segment::Root | Segment::Embedded(_) => {}
            Segment::Key(_) => len += 1 + key.len() + key.escapes(),
            Segment::Index(i) => len += 1 + decimal_len(i),
        });
        let mut out = String::with_capacity(len);
        self.walk(&mut |segment, key| match segment {
            Segment::Root | Segment::Embedded(_) => {}
            Segment::Key(_) => {
                out.push('/');
                key.push_escaped_to(&mut out, key.escapes());
            }
            Segment::Index(i) => {
                let _ = write!(out, "/{i}");
            }
        });
        Cow::Owned(out)
    }
}

/// What a path shows of a key: all of it when it has at most [`ECHO_LIMIT`] characters,
/// else its first `ECHO_LIMIT - 1` characters and `…`.
#[derive(Clone, Copy)]
struct Shown<'k> {
    /// The characters shown.
    kept: &'k str,
    /// Whether the key was cut (`…` follows).
    cut: bool,
}

impl<'k> Shown<'k> {
    /// The marker of a cut, as an echo writes it.
    const CUT: char = '…';

    /// What is shown of `key`. A key of at most `ECHO_LIMIT` bytes (every field name, nearly
    /// every key) is shown whole after one comparison; a longer one is read up to its
    /// `ECHO_LIMIT + 1`-th character, never further.
    #[inline]
    fn of(key: &'k str) -> Shown<'k> {
        if key.len() <= ECHO_LIMIT {
            Shown {
                kept: key,
                cut: false,
            }
        } else {
            Shown::of_long(key)
        }
    }

    /// [`Shown::of`] for a key of more than `ECHO_LIMIT` bytes.
    #[inline(never)]
    fn of_long(key: &'k str) -> Shown<'k> {
        let mut starts = key.char_indices().map(|(at, _)| at);
        // Where the character at index `ECHO_LIMIT - 1` starts, and whether one follows it.
        match (starts.nth(ECHO_LIMIT - 1), starts.next()) {
            (Some(at), Some(_)) => Shown {
                kept: &key[..at],
                cut: true,
            },
            _ => Shown {
                kept: key,
                cut: false,
            },
        }
    }

    /// The length in bytes of the key as shown.
    fn len(self) -> usize {
        self.kept.len() + if self.cut { Self::CUT.len_utf8() } else { 0 }
    }

    /// How many characters of the key as shown a pointer escapes (`~` and `/`), each one
    /// byte longer there.
    fn escapes(self) -> usize {
        self.kept
            .bytes()
            .filter(|b| matches!(b, b'~' | b'/'))
            .count()
    }

    /// Appends the key as shown.
    fn push_to(self, out: &mut String) {
        out.push_str(self.kept);
        if self.cut {
            out.push(Self::CUT);
        }
    }

    /// Appends the key as shown in a pointer, given its [`Shown::escapes`]: `~` as `~0` and
    /// `/` as `~1`.
    fn push_escaped_to(self, out: &mut String, escapes: usize) {
        if escapes > 0 {
            for c in self.kept.chars() {
                match c {
                    '~' => out.push_str("~0"),
                    '/' => out.push_str("~1"),
                    c => out.push(c),
                }
            }
        } else {
            out.push_str(self.kept);
        }
        if self.cut {
            out.push(Self::CUT);
        }
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
        static SPEC: FieldSpec = text_field("a/b", "/a~1b", "a_b");
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

    /// An optional text field of the table without rules, named `name` at `pointer`.
    const fn text_field(
        name: &'static str,
        pointer: &'static str,
        ident: &'static str,
    ) -> FieldSpec {
        FieldSpec {
            name,
            pointer,
            ident,
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
        }
    }

    /// A field of the table whose name is longer than `ECHO_LIMIT`.
    static LONG: FieldSpec = text_field(
        "a_field_name_of_the_schema_itself_that_is_longer_than_sixty_four_characters",
        "/a_field_name_of_the_schema_itself_that_is_longer_than_sixty_four_characters",
        "long",
    );

    /// Documented (`Issue::field`, docs/decisions.md): two long keys that share their first
    /// `ECHO_LIMIT - 1` characters are shown the same; keys that differ there are not.
    #[test]
    fn two_long_keys_sharing_their_cut_collide() {
        let root = Path::ROOT;
        let stem = "k".repeat(ECHO_LIMIT - 1);
        let (one, two) = (format!("{stem}aa"), format!("{stem}bb"));
        assert_eq!(root.key(&one).field(), root.key(&two).field());
        assert_eq!(root.key(&one).pointer(), root.key(&two).pointer());
        assert_eq!(root.key(&one).field(), format!("{stem}…"));
        // A difference within the kept characters, or a key of exactly the limit, stays.
        let early = format!("{}x{}", "k".repeat(ECHO_LIMIT - 2), "aa");
        assert_ne!(root.key(&early).field(), root.key(&one).field());
        let whole = format!("{stem}a");
        assert_eq!(root.key(&whole).field(), whole);
        assert_ne!(root.key(&whole).pointer(), root.key(&one).pointer());
    }

    #[test]
    fn a_long_key_is_cut_like_an_echo_in_field_and_pointer() {
        let root = Path::ROOT;
        let record = root.index(7);
        // Exactly the limit: whole; one more character: cut after `ECHO_LIMIT - 1`.
        for n in [0, 1, ECHO_LIMIT - 1, ECHO_LIMIT] {
            let key = "k".repeat(n);
            assert_eq!(root.key(&key).field(), key);
            assert_eq!(record.key(&key).pointer(), format!("/7/{key}"));
        }
        let cut = format!("{}…", "k".repeat(ECHO_LIMIT - 1));
        for n in [ECHO_LIMIT + 1, 5_000_000] {
            let key = "k".repeat(n);
            assert_eq!(root.key(&key).field(), cut);
            assert_eq!(root.key(&key).pointer(), format!("/{cut}"));
            assert_eq!(record.key(&key).field(), format!("[7].{cut}"));
            assert_eq!(record.key(&key).pointer(), format!("/7/{cut}"));
        }
        // Characters of two, three and four bytes: cut on a character boundary, counted in
        // characters; 64 of them (up to 256 bytes) are kept whole.
        for c in ['é', '中', '😀'] {
            let whole: String = std::iter::repeat_n(c, ECHO_LIMIT).collect();
            assert_eq!(root.key(&whole).field(), whole);
            let long: String = std::iter::repeat_n(c, 1_000).collect();
            let shown = root.key(&long).field();
            let kept: String = std::iter::repeat_n(c, ECHO_LIMIT - 1).collect();
            assert_eq!(shown, format!("{kept}…"));
            assert_eq!(root.key(&long).pointer(), format!("/{kept}…"));
        }
        // `~` and `/` escaped after the cut: the pointer is well formed (every `~` starts
        // `~0` or `~1`) and names the cut key; an escape is never split.
        let key = format!("{}/tail", "~".repeat(200));
        let pointer = root.key(&key).pointer();
        assert_eq!(pointer, format!("/{}…", "~0".repeat(ECHO_LIMIT - 1)));
        assert_eq!(
            root.key(&key).field(),
            format!("{}…", "~".repeat(ECHO_LIMIT - 1))
        );
        let all_slashes = "/".repeat(ECHO_LIMIT);
        assert_eq!(
            root.key(&all_slashes).pointer(),
            format!("/{}", "~1".repeat(ECHO_LIMIT))
        );
        // A field name of the table is the schema's own: shown whole, at the top and below.
        assert!(LONG.name.len() > ECHO_LIMIT);
        assert_eq!(root.field_of(&LONG).field(), LONG.name);
        let below = record.field_of(&LONG);
        assert_eq!(below.field(), format!("[7].{}", LONG.name));
        assert_eq!(below.pointer(), format!("/7{}", LONG.pointer));
        let key_below = below.key(&key);
        assert_eq!(
            key_below.field(),
            format!("[7].{}.{}…", LONG.name, "~".repeat(ECHO_LIMIT - 1))
        );
        // The strings are still allocated at their exact length.
        for path in [
            root.key(&key),
            record.key(&key),
            record.key(&long_mixed()),
            below,
            key_below,
        ] {
            let (f, p) = (path.field().into_owned(), path.pointer().into_owned());
            assert_eq!((f.capacity(), p.capacity()), (f.len(), p.len()));
        }
        for path in [root.key(&key), record.key(&key), record.key(&long_mixed())] {
            assert!(path.field().chars().count() <= ECHO_LIMIT + "[7].".len());
        }
    }

    /// A long key of characters of every width, with `~` and `/` among them.
    fn long_mixed() -> String {
        "aé中😀~/".repeat(500)
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
