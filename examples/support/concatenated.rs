/// One document of at least `bytes` bytes: the articles in turn, a blank line between (the
/// benchmarks' "one document of N bytes", shared by `bench` and `stages`).
pub fn concatenated(docs: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64 * 1024);
    for doc in docs.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(doc.trim_end());
    }
    out
}
