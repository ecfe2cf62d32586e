//! The browser build's allocator: blocks of power-of-two sizes, one free list per size.
//!
//! std's default for wasm32 is dlmalloc, ~8 KB of code (its `malloc` alone 4.7 KB) for a
//! program that allocates little: the core reuses its working vectors from one document to the
//! next (docs/PERFORMANCE.md, "The result refilled"). Here a request is rounded up to a power
//! of two and served from that size's free list, or else cut from fresh memory (`memory.grow`);
//! a freed block goes back on its size's list. Both are a few instructions, no search, no
//! splitting or merging. What this gives up: a block is never split or merged, so memory kept
//! is up to twice what is live and at most each size's own peak; WebAssembly memory never
//! shrinks anyway, whichever allocator runs.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32::{memory_grow, memory_size};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// WebAssembly's page, the unit `memory.grow` takes.
const PAGE: usize = 64 * 1024;
/// Fresh blocks are aligned to their size up to this, so that a block on a list serves any
/// later request of its size (a request's alignment is at most its rounded size). Types with a
/// larger alignment are refused (the allocation fails); the crate's largest is 32.
const MAX_ALIGN: usize = 4096;
/// The smallest block: room for the free list's link.
const MIN_BLOCK: usize = 8;

struct State {
    /// The head of each size's free list (index: log2 of the block size); a free block's first
    /// word points to the next.
    free: [*mut u8; usize::BITS as usize],
    /// Fresh memory not yet cut into blocks: `next..end`.
    next: usize,
    end: usize,
}

pub struct Heap(UnsafeCell<State>);

// wasm32-unknown-unknown without the atomics feature runs one thread.
unsafe impl Sync for Heap {}

#[global_allocator]
static HEAP: Heap = Heap(UnsafeCell::new(State {
    free: [null_mut(); usize::BITS as usize],
    next: 0,
    end: 0,
}));

/// The size class (log2 of the block size) of a request, or `None` past the largest block.
#[inline]
fn class(layout: Layout) -> Option<u32> {
    if layout.align() > MAX_ALIGN {
        return None;
    }
    let size = layout.size().max(layout.align()).max(MIN_BLOCK);
    Some(size.checked_next_power_of_two()?.trailing_zeros())
}

impl State {
    /// A block of `1 << class` bytes cut from fresh memory, growing the memory if need be.
    #[inline(never)]
    unsafe fn fresh(&mut self, class: u32) -> *mut u8 {
        let size = 1usize << class;
        let align = size.min(MAX_ALIGN);
        let mut start = (self.next + align - 1) & !(align - 1);
        if start.checked_add(size).is_none_or(|stop| stop > self.end) {
            let top = memory_size(0) * PAGE;
            if top != self.end {
                // Someone else grew the memory: start over at its end (pages are aligned).
                start = top;
            }
            let Some(need) = start.checked_add(size).map(|stop| stop - top) else {
                return null_mut();
            };
            if memory_grow(0, need.div_ceil(PAGE)) == usize::MAX {
                return null_mut();
            }
            self.end = memory_size(0) * PAGE;
        }
        self.next = start + size;
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for Heap {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout) else {
            return null_mut();
        };
        let state = &mut *self.0.get();
        let head = state.free[class as usize];
        if head.is_null() {
            return state.fresh(class);
        }
        state.free[class as usize] = *(head as *mut *mut u8);
        head
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // A block that was allocated has a class.
        let class = class(layout).unwrap_unchecked() as usize;
        let state = &mut *self.0.get();
        *(ptr as *mut *mut u8) = state.free[class];
        state.free[class] = ptr;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        if class(new_layout) == class(layout) {
            return ptr;
        }
        let new = self.alloc(new_layout);
        if !new.is_null() {
            core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}
