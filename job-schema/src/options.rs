//! How input is read: lax or strict, and in which direction (create, record or update).

/// Which representations of a value are accepted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Every representation real traffic uses: zero dates and `""` for unset, `true`/`false`
    /// and `"0"`/`"1"` for flags, numeric strings for coordinates, `null` for unset.
    #[default]
    Lax,
    /// Only the canonical form of the OpenAPI text; every warning becomes an error.
    Strict,
}

/// What the input is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    /// A request body for POST: read-only fields draw a `read_only` warning.
    #[default]
    Create,
    /// A stored record (one element of a GET response): read-only fields draw nothing.
    Record,
    /// A partial body for POST `/api_1.0/job/{uuid}.json`: no field is required (an empty
    /// required field, in lax mode, is unset like any other), every other rule applies to
    /// the fields present, and read-only fields draw a `read_only` warning as in create.
    Update,
}

/// The options of a validation or a read.
///
/// ```
/// use job_schema::{Direction, Mode, Options};
/// let options = Options::default().strict().record();
/// assert_eq!(options.mode, Mode::Strict);
/// assert_eq!(options.direction, Direction::Record);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Options {
    /// Lax (default) or strict.
    pub mode: Mode,
    /// Create (default), record or update.
    pub direction: Direction,
}

impl Options {
    /// Lax, create: the defaults.
    pub const LAX: Options = Options {
        mode: Mode::Lax,
        direction: Direction::Create,
    };

    /// These options in strict mode.
    #[must_use]
    pub const fn strict(self) -> Options {
        Options {
            mode: Mode::Strict,
            ..self
        }
    }

    /// These options in the record direction.
    #[must_use]
    pub const fn record(self) -> Options {
        Options {
            direction: Direction::Record,
            ..self
        }
    }

    /// These options in the update direction.
    #[must_use]
    pub const fn update(self) -> Options {
        Options {
            direction: Direction::Update,
            ..self
        }
    }

    /// Whether the mode is strict.
    pub const fn is_strict(&self) -> bool {
        matches!(self.mode, Mode::Strict)
    }
}
