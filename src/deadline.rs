//! A deadline for a request: after the given time it aborts the request through an
//! `AbortController`, and remembers that it did, so the caller can report a timeout rather
//! than a network failure.

use std::{cell::Cell, rc::Rc};

use wasm_bindgen::{closure::Closure, prelude::wasm_bindgen, JsCast};
use web_sys::{AbortController, AbortSignal};

// The global timers, which a window and a worker both have.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout, catch)]
    fn set_timeout(handler: &js_sys::Function, millis: i32) -> Result<i32, wasm_bindgen::JsValue>;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(handle: i32);
}

/// A running deadline. Dropping it cancels the timer.
pub struct Deadline {
    controller: AbortController,
    timer: i32,
    expired: Rc<Cell<bool>>,
    // Kept alive until the timer is cancelled or has fired.
    _on_expiry: Closure<dyn FnMut()>,
}

impl Deadline {
    /// Starts a deadline `millis` from now; `None` where the browser offers no timers or
    /// abort controllers (the request then simply has no deadline).
    pub fn start(millis: i32) -> Option<Deadline> {
        let controller = AbortController::new().ok()?;
        let expired = Rc::new(Cell::new(false));
        let on_expiry = {
            let controller = controller.clone();
            let expired = Rc::clone(&expired);
            Closure::<dyn FnMut()>::new(move || {
                expired.set(true);
                controller.abort();
            })
        };
        let timer = set_timeout(on_expiry.as_ref().unchecked_ref(), millis).ok()?;
        Some(Deadline {
            controller,
            timer,
            expired,
            _on_expiry: on_expiry,
        })
    }

    /// The signal to hand to the request.
    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Whether the deadline passed (and so aborted the request).
    pub fn expired(&self) -> bool {
        self.expired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        clear_timeout(self.timer);
    }
}
