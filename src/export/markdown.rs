//! Markdown handbooks (comrak). To be written.
