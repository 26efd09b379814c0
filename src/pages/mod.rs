//! One file per route: each reads its parameters, owns its resources and picks a view.

mod home;
mod not_found;
mod post;

pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use post::PostPage;
