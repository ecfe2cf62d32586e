//! stub
use crate::{segment::Document, mentions::Mentions, attribution::Attributed, Annotations, Options};
pub fn assemble(_doc: &Document, _a: Attributed, _m: Mentions, _o: &Options) -> Annotations { Annotations::default() }
