package store

import "strings"

// creditCodeChars is the GB 32100-2015 alphabet: digits and capitals
// without I, O, S, V, Z. A character's value is its index.
const creditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCodeWeights are 3^(i-1) mod 31 for positions 1..17.
var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ValidCreditCode reports whether code is an 18-character 统一社会信用代码
// whose check character (position 18) is right.
func ValidCreditCode(code string) bool {
	if len(code) != 18 {
		return false
	}
	c := CreditCodeCheckChar(code[:17])
	return c != 0 && code[17] == c
}

// CreditCodeCheckChar returns the check character for the first 17
// characters of a code, or 0 if they are not all in the alphabet. The demo
// data and tests use it to make codes that pass.
func CreditCodeCheckChar(first17 string) byte {
	if len(first17) != 17 {
		return 0
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditCodeChars, first17[i])
		if v < 0 {
			return 0
		}
		sum += v * creditCodeWeights[i]
	}
	c := (31 - sum%31) % 31
	return creditCodeChars[c]
}
