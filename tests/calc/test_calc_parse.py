"""Parsers: what people type, and every refusal with its code."""

from datetime import date
from decimal import Decimal

import opencc
import pytest

from calc import InputError, parse_amount, parse_rate
from calc.parse import parse_count, parse_date, parse_percent, parse_text

# What people type in 简体; the 繁體 page must accept the same in its own characters
# (3万 / 3萬, 万分之三点五 / 萬分之三點五): see the s2tw tests below.
AMOUNT_PHRASINGS = [
    ("5000", "5000"),
    ("5,000.50", "5000.50"),
    ("¥5000", "5000"),
    ("￥5000", "5000"),
    ("5000元", "5000"),
    ("５０００", "5000"),
    ("3万", "30000"),
    ("3.5万元", "35000"),
    ("1.2千", "1200"),
    ("５，０００．５０", "5000.50"),
    (" 5000 ", "5000"),
    ("人民币5000元", "5000"),
    ("0", "0"),
    ("1,234,567", "1234567"),
    ("3w", "30000"),
    ("1.5万块钱", "15000"),
    ("2千块", "2000"),
]

RATE_PHRASINGS = [
    ("18%", "0.18"),
    ("年化18%", "0.18"),
    ("年化利率 18%", "0.18"),
    ("月息1.5%", "0.18"),
    ("日息0.05%", "0.1825"),
    ("日息万分之五", "0.1825"),
    ("日利率0.05%", "0.1825"),
    ("万分之5", "0.1825"),
    ("萬分之五", "0.1825"),
    ("日息万分之三点五", "0.12775"),
    ("月息一点五分", "0.18"),
    ("月息千分之五", "0.06"),
    ("18", "0.18"),
    ("１８％", "0.18"),
    ("0.05%/天", "0.1825"),
    ("1.5%每月", "0.18"),
    ("0", "0"),
    ("百分之十八", "0.18"),
    ("万分之十", "0.365"),
]

S2TW = opencc.OpenCC("s2tw")  # the 繁體 pages' characters


@pytest.mark.parametrize("text, expected", [p for p in AMOUNT_PHRASINGS if S2TW.convert(p[0]) != p[0]])
def test_parse_amount_accepts_the_same_phrasing_in_traditional(text, expected):
    assert parse_amount(S2TW.convert(text)) == Decimal(expected)


@pytest.mark.parametrize("text, expected", [p for p in RATE_PHRASINGS if S2TW.convert(p[0]) != p[0]])
def test_parse_rate_accepts_the_same_phrasing_in_traditional(text, expected):
    assert parse_rate(S2TW.convert(text)) == Decimal(expected)


class TestParseAmount:
    """parse_amount."""

    @pytest.mark.parametrize("text, expected", AMOUNT_PHRASINGS)
    def test_parse_amount_accepts_what_people_type(self, text, expected):
        assert parse_amount(text) == Decimal(expected)

    @pytest.mark.parametrize(
        "text, code",
        [
            ("", "amount_required"),
            ("   ", "amount_required"),
            (None, "amount_required"),
            ("-5000", "amount_negative"),
            ("－5000", "amount_negative"),
            ("abc", "amount_invalid"),
            ("NaN", "amount_invalid"),
            ("inf", "amount_invalid"),
            ("Infinity", "amount_invalid"),
            ("1e5", "amount_invalid"),
            ("5,00", "amount_invalid"),
            ("5000.505", "amount_precision"),
            ("100000000001", "amount_too_large"),
            ("20亿亿", "amount_invalid"),
            ("1" * 200, "amount_invalid"),
            ("3万5", "amount_invalid"),
        ],
    )
    def test_parse_amount_refuses_with_code(self, text, code):
        with pytest.raises(InputError) as info:
            parse_amount(text, "principal")
        assert info.value.code == code
        assert info.value.field == "principal"

    def test_parse_amount_refuses_nan_decimal(self):
        with pytest.raises(InputError):
            parse_amount(Decimal("NaN"))

    def test_parse_amount_converts_float_via_str_not_binary(self):
        assert parse_amount(0.1) == Decimal("0.1")

    def test_parse_amount_refuses_bool(self):
        with pytest.raises(InputError):
            parse_amount(True)

    def test_parse_amount_upper_limit_is_inclusive(self):
        assert parse_amount("100000000000") == Decimal("1e11")


class TestParseRate:
    """parse_rate."""

    @pytest.mark.parametrize("text, expected", RATE_PHRASINGS)
    def test_parse_rate_accepts_chinese_phrasings(self, text, expected):
        assert parse_rate(text) == Decimal(expected)

    def test_parse_rate_bare_fraction_reads_number_as_fraction(self):
        assert parse_rate("0.18", bare="fraction") == Decimal("0.18")

    def test_parse_rate_bare_percent_is_default(self):
        assert parse_rate("0.18") == Decimal("0.0018")

    def test_parse_rate_with_percent_sign_ignores_bare(self):
        assert parse_rate("18%", bare="fraction") == Decimal("0.18")

    def test_parse_rate_daily_is_annualised_x365_as_disclosed(self):
        # issue 11: a daily rate's annual form is daily x 365 (0.05% -> 18.25%), not x 360
        from calc import rules

        assert rules.CARD_DAYS_PER_YEAR_REPORTED == 365
        assert parse_rate("日息0.05%") == Decimal("0.0005") * rules.CARD_DAYS_PER_YEAR_REPORTED

    def test_parse_rate_number_input_is_already_a_fraction(self):
        assert parse_rate(Decimal("0.18")) == Decimal("0.18")

    @pytest.mark.parametrize(
        "text, code",
        [
            ("", "rate_required"),
            ("abc", "rate_invalid"),
            ("-5%", "rate_negative"),
            ("千分之五", "rate_unit_needed"),
            ("5‰", "rate_unit_needed"),
            ("日息5%", "rate_too_large"),
            ("2000%", "rate_too_large"),
            ("万分之", "rate_invalid"),
            ("年化18%/月", "rate_invalid"),
            ("nan%", "rate_invalid"),
        ],
    )
    def test_parse_rate_refuses_with_code(self, text, code):
        with pytest.raises(InputError) as info:
            parse_rate(text)
        assert info.value.code == code

    def test_parse_rate_rejects_unknown_bare_unit(self):
        with pytest.raises(ValueError):
            parse_rate("18", bare="permille")


class TestParsePercent:
    """parse_percent."""

    def test_parse_percent_range(self):
        assert parse_percent("10", "buffer_ratio") == Decimal("0.1")
        with pytest.raises(InputError) as info:
            parse_percent("150", "buffer_ratio")
        assert info.value.code == "percent_range"
        with pytest.raises(InputError) as info:
            parse_percent("-1", "buffer_ratio")
        assert info.value.code == "percent_range"


class TestParseCount:
    """parse_count."""

    @pytest.mark.parametrize(
        "text, expected", [("36", 36), ("36期", 36), ("36个月", 36), ("３６", 36), ("2年", 24)]
    )
    def test_parse_count_accepts_units(self, text, expected):
        assert parse_count(text, "months", 1, 360, years=True) == expected

    @pytest.mark.parametrize(
        "text, code",
        [
            ("", "count_required"),
            ("3.5", "count_invalid"),
            ("0", "count_range"),
            ("361", "count_range"),
            ("-1", "count_range"),
            ("x", "count_invalid"),
        ],
    )
    def test_parse_count_refuses(self, text, code):
        with pytest.raises(InputError) as info:
            parse_count(text, "months", 1, 360)
        assert info.value.code == code


class TestParseDate:
    """parse_date."""

    @pytest.mark.parametrize("text", ["2025-06-01", "2025/6/1", "2025年6月1日", "２０２５-０６-０１"])
    def test_parse_date_formats(self, text):
        assert parse_date(text, "start") == date(2025, 6, 1)

    @pytest.mark.parametrize(
        "text, code", [("2025-02-30", "date_invalid"), ("yesterday", "date_invalid"), ("", "date_required")]
    )
    def test_parse_date_refuses(self, text, code):
        with pytest.raises(InputError) as info:
            parse_date(text, "start")
        assert info.value.code == code


class TestParseText:
    """parse_text."""

    def test_parse_text_strips_control_characters_and_limits_length(self):
        assert parse_text("a\x00b", "name") == "ab"
        with pytest.raises(InputError) as info:
            parse_text("x" * 600, "cause")
        assert info.value.code == "text_too_long"
