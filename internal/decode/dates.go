package decode

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

var (
	isoDateRE     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	finnishDateRE = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
)

// dateProblem explains why s is not a date, in words an editor can act on:
// a day the month does not have ("November has 30 days"), a month that
// does not exist, or a date written the Finnish way ("23.11.2026"), for
// which it gives the ISO form to write instead.
func dateProblem(s string) (msg, hint string) {
	hint = "write dates as YYYY-MM-DD"
	if m := finnishDateRE.FindStringSubmatch(s); m != nil {
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if why := impossible(year, month, day); why != "" {
			return fmt.Sprintf("%q is not a date: %s", s, why), hint
		}
		return fmt.Sprintf("%q is written day first; dates are written year first", s),
			fmt.Sprintf("write %04d-%02d-%02d", year, month, day)
	}
	if m := isoDateRE.FindStringSubmatch(s); m != nil {
		year, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		if why := impossible(year, month, day); why != "" {
			return fmt.Sprintf("%q is not a date: %s", s, why), hint
		}
		if len(m[2]) == 1 || len(m[3]) == 1 {
			return fmt.Sprintf("%q needs two digits for the month and the day", s), fmt.Sprintf("write %04d-%02d-%02d", year, month, day)
		}
	}
	return fmt.Sprintf("%q is not a date", s), hint
}

// impossible says what is wrong with a year, month and day that make no
// date, or "" when they make one.
func impossible(year, month, day int) string {
	if month < 1 || month > 12 {
		return fmt.Sprintf("there is no month %d", month)
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		name := time.Month(month).String()
		if month == 2 && last == 28 {
			return fmt.Sprintf("February %d has 28 days", year)
		}
		return fmt.Sprintf("%s has %d days", name, last)
	}
	return ""
}
