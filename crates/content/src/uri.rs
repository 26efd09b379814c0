//! Percent-encoding of a URI component, as JavaScript's `encodeURIComponent` does it, in Rust so
//! that the app and the pages built natively write the same links.

/// `text` with every byte except `A-Z a-z 0-9 - _ . ! ~ * ' ( )` written as `%XX`.
pub fn encode_component(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        let unreserved = byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte);
        if unreserved {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(encode_component("Re: a & b?"), "Re%3A%20a%20%26%20b%3F");
        assert_eq!(encode_component("it's (ok) ~*!"), "it's%20(ok)%20~*!");
        assert_eq!(
            encode_component("“Ünïcode”"),
            "%E2%80%9C%C3%9Cn%C3%AFcode%E2%80%9D"
        );
        assert_eq!(encode_component("a/b#c"), "a%2Fb%23c");
    }
}
