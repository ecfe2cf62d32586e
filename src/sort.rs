//! Sorting for the roster and the reported claims, small in the browser build.
//!
//! Natively these are std's sorts, the fastest. In the browser build each std sort is a
//! monomorphised quicksort of several kilobytes (an unstable one for spans, a stable one for
//! claims, ~6 KB gzip together), which the 150 KB budget cannot spare for a few sorts of short
//! lists: there a heapsort stands in, O(n log n) like them, a few hundred bytes. The results
//! are the same either way: spans and (span, index) pairs are totally ordered, so any correct
//! sort puts them in one order. The node tests hold the package's results to the CLI's.

use crate::Span;
use std::cell::Cell;

/// Sorts `v` (spans, or spans with a tie-breaking index) in ascending order.
pub(crate) fn sort<T: Ord + Copy>(v: &mut [T]) {
    #[cfg(not(target_family = "wasm"))]
    v.sort_unstable();
    #[cfg(target_family = "wasm")]
    heapsort(v);
}

/// Sorts `items` by the span `span_of` gives, items of equal spans kept in their order;
/// `keys` is working room.
pub(crate) fn sort_by_span<T: Clone>(items: &mut [T], keys: &mut Vec<(Span, usize)>, span_of: impl Fn(&T) -> Span) {
    if items.is_sorted_by_key(&span_of) {
        return;
    }
    #[cfg(not(target_family = "wasm"))]
    {
        let _ = keys;
        items.sort_by_key(span_of);
    }
    #[cfg(target_family = "wasm")]
    {
        keys.clear();
        keys.extend(items.iter().enumerate().map(|(i, item)| (span_of(item), i)));
        heapsort(keys);
        let sorted: Vec<T> = keys.iter().map(|&(_, i)| items[i].clone()).collect();
        for (slot, item) in items.iter_mut().zip(sorted) {
            *slot = item;
        }
    }
}

/// Heapsort: no allocation, no recursion, O(n log n) on any input.
#[cfg_attr(not(any(test, target_family = "wasm")), allow(dead_code))]
fn heapsort<T: Ord + Copy>(v: &mut [T]) {
    let cells = Cell::from_mut(v).as_slice_of_cells();
    heapsort_by(cells.len(), &|i, j| cells[i].get() < cells[j].get(), &|i, j| {
        cells[i].swap(&cells[j])
    });
}

/// [`heapsort`] of `len` items that `less` compares and `swap` exchanges, by index. (One
/// function for every item type, out of line: a copy of the sort for each type cost the
/// browser build more than the calls.)
#[cfg_attr(not(any(test, target_family = "wasm")), allow(dead_code))]
#[inline(never)]
fn heapsort_by(len: usize, less: &dyn Fn(usize, usize) -> bool, swap: &dyn Fn(usize, usize)) {
    // Sift the element at `root` down the heap of the first `end` elements.
    let sift_down = |mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(child, child + 1) {
            child += 1;
        }
        // (`v[root] >= v[child]`: the items are totally ordered.)
        if !less(root, child) {
            break;
        }
        swap(root, child);
        root = child;
    };
    for root in (0..len / 2).rev() {
        sift_down(root, len);
    }
    for end in (1..len).rev() {
        swap(0, end);
        sift_down(0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heapsort_sorts_as_std_does() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 50) as usize
        };
        for len in [0, 1, 2, 3, 7, 16, 100, 1000] {
            let mut spans: Vec<Span> = (0..len).map(|_| Span::new(next(), next())).collect();
            let mut want = spans.clone();
            want.sort();
            heapsort(&mut spans);
            assert_eq!(spans, want, "{len}");
        }
    }

    #[test]
    fn sort_by_span_keeps_equal_spans_in_order() {
        let items: Vec<(Span, char)> = vec![
            (Span::new(5, 9), 'a'),
            (Span::new(1, 2), 'b'),
            (Span::new(5, 9), 'c'),
            (Span::new(1, 2), 'd'),
            (Span::new(0, 4), 'e'),
        ];
        let mut sorted = items.clone();
        sort_by_span(&mut sorted, &mut Vec::new(), |item| item.0);
        let order: String = sorted.iter().map(|item| item.1).collect();
        assert_eq!(order, "ebdac");
        // The browser build's way, run here: keys sorted by heapsort, then gathered.
        let mut keys: Vec<(Span, usize)> = items.iter().enumerate().map(|(i, item)| (item.0, i)).collect();
        heapsort(&mut keys);
        let order: String = keys.iter().map(|&(_, i)| items[i].1).collect();
        assert_eq!(order, "ebdac");
    }
}
