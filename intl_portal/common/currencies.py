"""ISO 4217 currency codes in circulation (funds, metals and test codes left out)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ISO_4217_CODES = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN
    BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD
    FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY
    KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP
    MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR
    RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT
    TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR
    ZMW ZWG
    """.split()  # noqa: SIM905 - a block of codes reads better than a list of strings
)

# Currencies the group meets most, listed first in forms.
COMMON_CURRENCIES = ("CNY", "USD", "EUR", "JPY", "KRW", "TWD", "HKD", "SGD", "THB", "GBP")

CURRENCY_CHOICES = [(code, code) for code in COMMON_CURRENCIES] + [
    (code, code) for code in sorted(ISO_4217_CODES - set(COMMON_CURRENCIES))
]

REPORTING_CURRENCY = "CNY"


def validate_currency(code):
    if code not in ISO_4217_CODES:
        raise ValidationError(
            _("“%(code)s” is not an ISO 4217 currency code."),
            code="unknown_currency",
            params={"code": code},
        )
