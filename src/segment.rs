//! stub
use crate::Span;
pub struct Document<'t> { pub text: &'t str, pub paragraphs: Vec<Span> }
impl<'t> Document<'t> { pub fn new(text: &'t str) -> Self { Document { text, paragraphs: vec![] } } }
