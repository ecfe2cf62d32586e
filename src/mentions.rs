//! stub
use crate::{segment::Document, quotes::Quoted};
pub struct Mentions;
pub fn find(_doc: &Document, _q: &[Quoted]) -> Mentions { Mentions }
