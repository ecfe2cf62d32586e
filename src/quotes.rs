//! stub
use crate::segment::Document;
pub struct Quoted;
pub fn find(_doc: &Document) -> Vec<Quoted> { vec![] }
