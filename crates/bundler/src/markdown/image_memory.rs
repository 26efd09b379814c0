//! How much memory the images being decoded and resized may hold at once, across threads: each
//! image asks for what it needs before it decodes, and waits while the others hold too much.
//! One image alone may always go ahead (the decoder's own limits bound it), so a build never
//! waits for ever; but many threads each with a large photograph cannot add up past the budget.

use std::sync::{Condvar, Mutex};

/// What all images in memory at once may hold, decoded and resized: about 1 GiB.
pub const BUDGET: u64 = 1 << 30;

/// The memory an image `width` by `height` pixels needs to be decoded (at most 8 bytes a pixel,
/// 16-bit RGBA) and resized to `widest` pixels wide (the resize's pass of 4 floats a pixel over
/// the image's height).
pub fn needed(width: u32, height: u32, widest: u32) -> u64 {
    u64::from(width) * u64::from(height) * 8 + u64::from(widest) * u64::from(height) * 16
}

/// The budget, shared by the threads that make image copies.
#[derive(Default)]
pub struct Memory {
    held: Mutex<u64>,
    freed: Condvar,
}

/// Memory held for one image, given back when dropped.
pub struct Held<'a> {
    memory: &'a Memory,
    bytes: u64,
}

impl Memory {
    /// Holds `bytes` for one image, once the others leave room for them (or hold nothing).
    pub fn hold(&self, bytes: u64) -> Held<'_> {
        let mut held = self
            .held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        while *held > 0 && held.saturating_add(bytes) > BUDGET {
            held = self
                .freed
                .wait(held)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        *held += bytes;
        Held {
            memory: self,
            bytes,
        }
    }

    /// What is held now.
    #[cfg(test)]
    pub fn held(&self) -> u64 {
        *self
            .held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        let mut held = self
            .memory
            .held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *held -= self.bytes;
        self.memory.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_wait_while_others_hold_the_budget_but_one_alone_always_goes() {
        let memory = Memory::default();
        let huge = memory.hold(BUDGET * 3);
        assert_eq!(memory.held(), BUDGET * 3);
        let peak = std::sync::atomic::AtomicU64::new(0);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    let _held = memory.hold(BUDGET / 2);
                    peak.fetch_max(memory.held(), std::sync::atomic::Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert_eq!(memory.held(), BUDGET * 3, "the others wait");
            drop(huge);
        });
        assert!(peak.into_inner() <= BUDGET);
        assert_eq!(memory.held(), 0);
    }

    #[test]
    fn what_an_image_needs_grows_with_its_pixels() {
        assert_eq!(needed(1000, 1000, 960), 8_000_000 + 15_360_000);
    }
}
