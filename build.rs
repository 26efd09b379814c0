//! Links the app's wasm with its relocations, which splitting it into the module every page
//! loads and the modules it loads later needs (xtask/src/wasm_split.rs). Only the app's binary:
//! the search engine's wasm would carry them to the browser.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32") {
        println!("cargo:rustc-link-arg-bin=folio=--emit-relocs");
    }
}
