//! Reading the stored structs (annotations, tombstones, labels, their envelopes) from JSON,
//! by hand instead of `#[derive(Deserialize)]`, for size: the derive writes for every struct
//! a field-name visitor of its own and a second reader for the struct written as a JSON
//! array, and pizhu never writes one (storage holds objects only). Here one field-name reader
//! serves every struct and only objects are read. For an object the result, the errors and
//! their positions are those of the derive: fields are read and checked in the same order,
//! a repeated field is `duplicate field`, a missing one `missing field` (or its default),
//! unknown fields are skipped. An array where a struct belongs is refused as the wrong type.

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

/// A struct's field names: reading a key gives its index among them (`None` for a field the
/// struct does not have, which is skipped).
pub(crate) struct Field(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Field {
    type Value = Option<usize>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Field {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("field identifier")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|name| *name == v))
    }
}

/// Reads the value of field `name` into its slot; a second value for it is an error, as
/// with the derive (checked before the value is read).
pub(crate) fn fill<'de, A: MapAccess<'de>, T: de::Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// The value of a field that must be there.
pub(crate) fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// `Deserialize` for a struct with named fields, read from an object only (see the module
/// doc). `field(default)` is `#[serde(default)]`.
macro_rules! deserialize_struct {
    ($ty:ident, $what:literal, { $($field:ident $(($default:ident))?),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$(stringify!($field)),+];
                struct StructVisitor;
                impl<'de> serde::de::Visitor<'de> for StructVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(
                        self,
                        mut map: A,
                    ) -> Result<$ty, A::Error> {
                        $(let mut $field = None;)+
                        while let Some(at) = map.next_key_seed($crate::core::de::Field(FIELDS))? {
                            let mut index = 0;
                            $(
                                if at == Some(index) {
                                    $crate::core::de::fill(&mut map, &mut $field, stringify!($field))?;
                                    continue;
                                }
                                index += 1;
                            )+
                            let _ = index;
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                        Ok($ty {
                            $($field: deserialize_struct!(@get $field $($default)?),)+
                        })
                    }
                }
                d.deserialize_struct(stringify!($ty), FIELDS, StructVisitor)
            }
        }
    };
    (@get $field:ident) => {
        $crate::core::de::required($field, stringify!($field))?
    };
    (@get $field:ident default) => {
        $field.unwrap_or_default()
    };
}

pub(crate) use deserialize_struct;
