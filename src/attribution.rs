//! stub
use crate::{segment::Document, quotes::Quoted, mentions::Mentions};
pub struct Attributed;
pub fn attribute(_doc: &Document, _q: &[Quoted], _m: &Mentions) -> Attributed { Attributed }
