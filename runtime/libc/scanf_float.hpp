// What scanf's %f %e %g %a (and capitals) read, byte by byte, as glibc's
// scanf reads it. The value comes from float_parse.hpp, as strtod's does.
//
// scanf sees one byte of lookahead, so its grammar is not quite strtod's.
// glibc takes, after an optional sign:
//  - "nan", or "inf" optionally followed by all of "inity": a partial word
//    ("na", "infin") is a matching failure (the byte that breaks the word
//    consumed), and "nan(...)" stops before the parenthesis;
//  - a leading "0x" (hexadecimal, exponent letter p) or not (decimal, e),
//    then digits, at most one '.', one exponent letter once a digit has been
//    seen, a sign right after that letter, and more digits;
// and stops at the first byte that fits none of these. Then the bytes taken
// are converted as strtod would convert them, and the conversion fails if
// strtod would read nothing: a lone sign, ".", "0x". Whatever strtod would
// leave at the end of the bytes taken is consumed anyway: "1e" and "1e+" are
// the number 1 with the exponent letter (and sign) gone from the input, and
// "0x." is 0.
#pragma once

#include <stdio.h>

#include "float_parse.hpp"
#include "integer_parse.hpp"

namespace lwp::libc {

class float_scanner {
public:
    enum class step { take, stop, fail };

    explicit float_scanner(float_accumulator& number) : number_(number) {}

    // Offers the next byte of input (EOF at its end): take consumes it and
    // asks for the next, stop leaves it to the rest of the format, fail
    // ends the scan with a matching failure. `last`: the field's width
    // allows no byte after this one.
    step offer(int byte, bool last) {
        int lower = byte | 0x20;
        switch (state_) {
            case state::start:
                if (byte == '+' || byte == '-') {
                    negative_ = byte == '-';
                    state_ = state::signed_start;
                    return step::take;
                }
                [[fallthrough]];
            case state::signed_start:
                if (lower == 'n') return advance(state::n);
                if (lower == 'i') return advance(state::i);
                state_ = state::number;
                if (byte == '0') {
                    number_.digit(0, false);
                    state_ = state::leading_zero;
                    return step::take;
                }
                return offer_number(byte);
            case state::n: return expect(lower, 'a', state::na);
            case state::na: return expect(lower, 'n', state::nan);
            case state::i: return expect(lower, 'n', state::in);
            case state::in: return expect(lower, 'f', state::inf);
            case state::inf: return lower == 'i' ? advance(state::infi) : step::stop;
            case state::infi: return expect(lower, 'n', state::infin);
            case state::infin: return expect(lower, 'i', state::infini);
            case state::infini: return expect(lower, 't', state::infinit);
            case state::infinit: return expect(lower, 'y', state::infinity);
            case state::nan:
            case state::infinity: return step::stop;
            case state::leading_zero:
                state_ = state::number;
                // glibc counts the x against the width before it looks at
                // it, so an x that would end the field is not a prefix.
                if (lower == 'x' && !last) {
                    hexadecimal_ = true;
                    number_.set_hexadecimal();
                    return step::take;
                }
                seen_digit_ = true;
                seen_mantissa_digit_ = true;
                return offer_number(byte);
            case state::number: return offer_number(byte);
        }
        return step::stop;
    }

    // After the last byte offered or the width's end: false for a matching
    // failure, else the value of what was taken.
    bool finish(rounded_float& value) {
        switch (state_) {
            case state::nan:
                value = quiet_nan(negative_, 0);
                return true;
            case state::inf:
            case state::infinity:
                value = infinite_value(negative_);
                return true;
            case state::leading_zero: break;
            case state::number:
                // Nothing after "0x", or no digit at all (".", "-."): strtod
                // would read nothing. "0x." reads as the 0 before the x.
                if (hexadecimal_ ? taken_after_prefix_ == 0 : !seen_mantissa_digit_) return false;
                break;
            default: return false;  // nothing yet, or part of a word
        }
        value = number_.round(negative_);
        return true;
    }

private:
    enum class state {
        start, signed_start, n, na, nan, i, in, inf, infi, infin, infini, infinit, infinity,
        leading_zero, number
    };

    step advance(state next) {
        state_ = next;
        return step::take;
    }
    step expect(int lower, char wanted, state next) {
        return lower == wanted ? advance(next) : step::fail;
    }

    step offer_number(int byte) {
        char exponent_letter = hexadecimal_ ? 'p' : 'e';
        bool after_exponent_letter = after_exponent_letter_;
        after_exponent_letter_ = false;
        unsigned digit = byte == EOF ? 36 : digit_value(static_cast<char>(byte));
        if (digit < 10 || (digit < 16 && hexadecimal_ && !seen_exponent_)) {
            if (seen_exponent_) {
                number_.exponent_digit(digit);
            } else {
                number_.digit(digit, seen_point_);
                seen_mantissa_digit_ = true;
            }
            seen_digit_ = true;
        } else if (after_exponent_letter && (byte == '+' || byte == '-')) {
            if (byte == '-') number_.negative_exponent();
        } else if (seen_digit_ && !seen_exponent_ && (byte | 0x20) == exponent_letter) {
            seen_exponent_ = true;
            seen_point_ = true;  // no point after the exponent
            after_exponent_letter_ = true;
        } else if (!seen_point_ && byte == '.') {
            seen_point_ = true;
        } else {
            return step::stop;
        }
        ++taken_after_prefix_;
        return step::take;
    }

    float_accumulator& number_;
    state state_ = state::start;
    bool negative_ = false;
    bool hexadecimal_ = false;
    bool seen_digit_ = false;           // a digit glibc counts before an exponent letter
    bool seen_mantissa_digit_ = false;  // a digit before the exponent
    bool seen_point_ = false;
    bool seen_exponent_ = false;
    bool after_exponent_letter_ = false;
    int taken_after_prefix_ = 0;  // bytes taken in state::number
};

}  // namespace lwp::libc
