// Package model holds Rapport's domain: the people who have a say in the
// user's career, the ties between them, what happened with them
// (interactions), promises both ways, the career plan (roles, requirements,
// actions), meetings and the private log of disclosures.
//
// Every type has a Validate method whose errors name the field at fault, and
// every enumeration has a label for the screen. The package imports the
// standard library only: rules that need no I/O live here so they can be
// tested without a database or a window.
package model
