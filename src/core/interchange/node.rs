//! A JSON value together with its path in the file, so every complaint about the shape of
//! an import names the exact place: `first.items[3].target.selector[0].exact: missing`.
//!
//! The import parses into `serde_json::Value` (depth-limited by serde_json) and walks it
//! with these helpers instead of deriving `Deserialize`: that is what gives the paths, and
//! it keeps the wasm code small.

use serde_json::{Map, Value};

use super::ImportError;

/// A value and where it is.
#[derive(Clone, Debug)]
pub(crate) struct Node<'a> {
    pub value: &'a Value,
    pub path: String,
}

impl<'a> Node<'a> {
    /// The whole document.
    pub fn root(value: &'a Value) -> Self {
        Node {
            value,
            path: String::new(),
        }
    }

    /// A shape error at this node.
    pub fn problem(&self, problem: impl Into<String>) -> ImportError {
        ImportError::Shape {
            path: self.path.clone(),
            problem: problem.into(),
        }
    }

    /// A shape error at the field `name` of this node.
    pub fn problem_at(&self, name: &str, problem: impl Into<String>) -> ImportError {
        ImportError::Shape {
            path: self.child_path(name),
            problem: problem.into(),
        }
    }

    fn child_path(&self, name: &str) -> String {
        if self.path.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.path)
        }
    }

    /// The object's field `name`, if present and not `null`.
    pub fn get(&self, name: &str) -> Option<Node<'a>> {
        match self.value.get(name) {
            None | Some(Value::Null) => None,
            Some(value) => Some(Node {
                value,
                path: self.child_path(name),
            }),
        }
    }

    /// The object's field `name`; "missing" if absent or `null`.
    pub fn need(&self, name: &str) -> Result<Node<'a>, ImportError> {
        self.get(name)
            .ok_or_else(|| self.problem_at(name, "missing"))
    }

    /// This value as an object.
    pub fn object(&self) -> Result<&'a Map<String, Value>, ImportError> {
        self.value
            .as_object()
            .ok_or_else(|| self.expected("an object ({ … })"))
    }

    /// This value as a string.
    pub fn str(&self) -> Result<&'a str, ImportError> {
        self.value.as_str().ok_or_else(|| self.expected("a string"))
    }

    /// The string field `name`, if present.
    pub fn opt_str(&self, name: &str) -> Result<Option<&'a str>, ImportError> {
        self.get(name).map(|n| n.str()).transpose()
    }

    /// The string field `name`; "missing" if absent.
    pub fn need_str(&self, name: &str) -> Result<&'a str, ImportError> {
        self.need(name)?.str()
    }

    /// This value as a whole number from 0 up.
    pub fn count(&self) -> Result<usize, ImportError> {
        self.value
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| self.expected("a whole number from 0 up"))
    }

    /// The elements of this list.
    pub fn list(&self) -> Result<Vec<Node<'a>>, ImportError> {
        let items = self
            .value
            .as_array()
            .ok_or_else(|| self.expected("a list"))?;
        Ok(self.elements(items))
    }

    /// The elements if this is a list, else this value alone (JSON-LD allows both).
    pub fn one_or_many(&self) -> Vec<Node<'a>> {
        match self.value.as_array() {
            Some(items) => self.elements(items),
            None => vec![self.clone()],
        }
    }

    fn elements(&self, items: &'a [Value]) -> Vec<Node<'a>> {
        items
            .iter()
            .enumerate()
            .map(|(i, value)| Node {
                value,
                path: format!("{}[{i}]", self.path),
            })
            .collect()
    }

    /// Whether `type` is `name`, or a list that contains it (JSON-LD allows both).
    pub fn has_type(&self, name: &str) -> bool {
        match self.value.get("type").or_else(|| self.value.get("@type")) {
            Some(Value::String(t)) => t == name,
            Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str() == Some(name)),
            _ => false,
        }
    }

    fn expected(&self, what: &str) -> ImportError {
        self.problem(format!("expected {what}, found {}", describe(self.value)))
    }
}

/// What a JSON value is, in plain words.
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A file's text shown inside a message: one line, at most 40 characters, in quotes.
pub(crate) fn quoted(text: &str) -> String {
    let line: String = text.chars().filter(|c| !c.is_control()).collect();
    let mut shown: String = line.chars().take(40).collect();
    if line.chars().count() > 40 {
        shown.push('…');
    }
    format!("\"{shown}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_problems() {
        let value: Value = serde_json::json!({"first": {"items": [{}, {"n": 3}]}});
        let root = Node::root(&value);
        let items = root
            .need("first")
            .and_then(|f| f.need("items"))
            .and_then(|i| i.list());
        let items = items.unwrap_or_default();
        assert_eq!(items.len(), 2);
        let n = items[1].need("n").unwrap_or(Node::root(&value));
        assert_eq!(
            n.str().map_err(|e| e.to_string()),
            Err("first.items[1].n: expected a string, found a number".to_owned())
        );
        assert_eq!(
            items[0].need("x").map(|_| ()).map_err(|e| e.to_string()),
            Err("first.items[0].x: missing".to_owned())
        );
    }
}
