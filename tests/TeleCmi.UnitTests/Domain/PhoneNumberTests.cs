using TeleCmi.Domain.Common;

namespace TeleCmi.UnitTests.Domain;

public sealed class PhoneNumberTests
{
    [TestCase("9876543210")]
    [TestCase("09876543210")]
    [TestCase("919876543210")]
    [TestCase("+919876543210")]
    [TestCase("+91 98765-43210")]
    [TestCase("+91 (98765) 43210")]
    [TestCase("98765.43210")]
    [TestCase("  9876543210  ")]
    public void Parse_AnIndianMobileWrittenAnyWay_NormalisesToE164(string raw)
    {
        var number = PhoneNumber.Parse(raw);

        Assert.Multiple(() =>
        {
            Assert.That(number.E164, Is.EqualTo("+919876543210"));
            Assert.That(number.Digits, Is.EqualTo("919876543210"));
        });
    }

    [TestCase("98765abcde", TestName = "TryParse_Letters_Fails")]
    [TestCase("+91 98765 4321O", TestName = "TryParse_LetterOForZero_Fails")]
    [TestCase("123456789012345678901234567890", TestName = "TryParse_ThirtyDigits_Fails")]
    [TestCase("9876543210987654321098765432109876", TestName = "TryParse_LongerThan32Characters_Fails")]
    [TestCase("", TestName = "TryParse_Empty_Fails")]
    [TestCase("   ", TestName = "TryParse_Whitespace_Fails")]
    [TestCase(null, TestName = "TryParse_Null_Fails")]
    [TestCase("12345", TestName = "TryParse_FiveDigits_Fails")]
    [TestCase("98765\u000743210", TestName = "TryParse_BellCharacter_Fails")]
    [TestCase("98765\u000043210", TestName = "TryParse_NulCharacter_Fails")]
    [TestCase("98765\n43210", TestName = "TryParse_EmbeddedNewline_Fails")]
    [TestCase("९८७६५४३२१०", TestName = "TryParse_NonAsciiDigits_Fails")]
    [TestCase("+91-98765-43210;ext=1", TestName = "TryParse_Extension_Fails")]
    public void TryParse_Invalid_Fails(string? raw)
    {
        var ok = PhoneNumber.TryParse(raw, out var number);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(number, Is.Null);
        });
    }

    [Test]
    public void Parse_Invalid_ThrowsDomainExceptionWithoutTheFullNumber()
    {
        var ex = Assert.Throws<DomainException>(() => PhoneNumber.Parse("98765432101234567"));

        Assert.That(ex!.Message, Does.Not.Contain("98765432101234567"));
    }

    [TestCase("+919876543210")]
    [TestCase("919876543210")]
    [TestCase("+91 98765-43210")]
    public void Mask_KeepsTheCountryCodeAndTheLastFourDigits(string raw) =>
        Assert.That(PhoneNumber.Mask(raw), Is.EqualTo("+91******3210"));

    [Test]
    public void ToString_IsMasked() =>
        Assert.That(PhoneNumber.Parse("9876543210").ToString(), Is.EqualTo("+91******3210"));

    [TestCase(null, "")]
    [TestCase("", "")]
    [TestCase("123", "***")]
    public void Mask_ShortOrMissingInput_HidesEveryDigit(string? raw, string expected) =>
        Assert.That(PhoneNumber.Mask(raw), Is.EqualTo(expected));

    [Test]
    public void Parse_SameNumberWrittenDifferently_GivesEqualValues() =>
        Assert.That(PhoneNumber.Parse("09876543210"), Is.EqualTo(PhoneNumber.Parse("+91 98765 43210")));
}
