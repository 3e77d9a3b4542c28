package model

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// FieldError is one problem with one field of a record, for example
// {Field: "name", Problem: "is required"}.
type FieldError struct {
	Field   string
	Problem string
}

func (e FieldError) Error() string { return e.Field + " " + e.Problem }

// ValidationError lists every field of a record that failed validation, so a
// form can mark them all at once. Validate methods return it as an error;
// use errors.As to get it back.
type ValidationError struct {
	Record string
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Error()
	}
	return fmt.Sprintf("invalid %s: %s", e.Record, strings.Join(parts, "; "))
}

// For returns the problem reported for field, or "" if that field is fine.
func (e *ValidationError) For(field string) string {
	for _, f := range e.Fields {
		if f.Field == field {
			return f.Problem
		}
	}
	return ""
}

// FieldProblem returns the problem err reports for field, or "" when err is
// not a validation error or says nothing about that field.
func FieldProblem(err error, field string) string {
	var v *ValidationError
	if errors.As(err, &v) {
		return v.For(field)
	}
	return ""
}

// Limits on the length of text fields, in characters. They keep one runaway
// paste from making a record unusable, and are generous for real use.
const (
	MaxShortText = 200    // names, titles, teams, topics
	MaxLongText  = 20_000 // notes, agendas, summaries
)

// checker accumulates field errors while a Validate method runs.
type checker struct {
	record string
	fields []FieldError
}

func (c *checker) add(field, problem string) {
	c.fields = append(c.fields, FieldError{Field: field, Problem: problem})
}

func (c *checker) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		c.add(field, "is required")
	}
}

func (c *checker) text(field, value string, max int) {
	if !utf8.ValidString(value) {
		c.add(field, "is not valid text (UTF-8)")
		return
	}
	if n := utf8.RuneCountInString(value); n > max {
		c.add(field, fmt.Sprintf("is too long (%d characters; at most %d)", n, max))
	}
	if strings.ContainsRune(value, 0) {
		c.add(field, "contains a NUL character")
	}
}

func (c *checker) singleLine(field, value string) {
	if strings.ContainsAny(value, "\r\n") {
		c.add(field, "must be a single line")
	}
}

func (c *checker) between(field string, value, lo, hi int) {
	if value < lo || value > hi {
		c.add(field, fmt.Sprintf("must be between %d and %d", lo, hi))
	}
}

func (c *checker) email(field, value string) {
	if value == "" {
		return
	}
	a, err := mail.ParseAddress(value)
	if err != nil || a.Address != value || !strings.Contains(value, "@") {
		c.add(field, "is not an email address like name@example.com")
	}
}

func (c *checker) oneOf(field string, ok bool) {
	if !ok {
		c.add(field, "is not one of the allowed values")
	}
}

func (c *checker) reference(field string, id int64) {
	if id <= 0 {
		c.add(field, "is required")
	}
}

func (c *checker) notBefore(field string, t, ref time.Time, refName string) {
	if !t.IsZero() && !ref.IsZero() && t.Before(ref) {
		c.add(field, "must not be before "+refName)
	}
}

func (c *checker) err() error {
	if len(c.fields) == 0 {
		return nil
	}
	return &ValidationError{Record: c.record, Fields: c.fields}
}
