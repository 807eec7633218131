//! Word lists and patterns as data, in one place. Stage code reads these tables; it does
//! not carry literals of its own.

pub mod boilerplate;
pub mod charset;
pub mod dates;
pub mod facts;
pub mod html;
pub mod indicators;
pub mod orgs;
pub mod sections;
pub mod units;
