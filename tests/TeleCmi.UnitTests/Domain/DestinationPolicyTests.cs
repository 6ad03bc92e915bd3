using TeleCmi.Domain.Calls;
using TeleCmi.Domain.Common;

namespace TeleCmi.UnitTests.Domain;

/// <summary>
/// Which numbers TeleCMI may dial. Every example is a number libphonenumber 9.0.43 holds valid and types as named
/// (its own example numbers where India has none of that kind).
/// </summary>
public sealed class DestinationPolicyTests
{
    [TestCase("+919876543210", NumberKind.Mobile, "IN", TestName = "Kind_IndianMobile_IsMobileInIN")]
    [TestCase("+911140000000", NumberKind.FixedLine, "IN", TestName = "Kind_DelhiLandline_IsFixedLineInIN")]
    [TestCase("+12125550123", NumberKind.FixedLineOrMobile, "US", TestName = "Kind_NewYorkNumber_IsFixedLineOrMobileInUS")]
    [TestCase("+449098790000", NumberKind.PremiumRate, "GB", TestName = "Kind_UkPremiumRate_IsPremiumRate")]
    [TestCase("+911800123456", NumberKind.TollFree, "IN", TestName = "Kind_Indian1800_IsTollFree")]
    [TestCase("+9118603451234", NumberKind.SharedCost, "IN", TestName = "Kind_Indian1860_IsSharedCost")]
    [TestCase("+911409305260", NumberKind.Uan, "IN", TestName = "Kind_IndianUan_IsUan")]
    [TestCase("+445612345678", NumberKind.Voip, "GB", TestName = "Kind_Uk056_IsVoip")]
    [TestCase("+447012345678", NumberKind.PersonalNumber, "GB", TestName = "Kind_Uk070_IsPersonalNumber")]
    [TestCase("+447640123456", NumberKind.Pager, "GB", TestName = "Kind_Uk076_IsPager")]
    [TestCase("+88213400000", NumberKind.Satellite, PhoneNumber.NonGeographicRegion, TestName = "Kind_Plus882_IsSatellite")]
    [TestCase("+881612345678", NumberKind.Satellite, PhoneNumber.NonGeographicRegion, TestName = "Kind_Plus881_IsSatellite")]
    [TestCase("+870301234567", NumberKind.Satellite, PhoneNumber.NonGeographicRegion, TestName = "Kind_Plus870Inmarsat_IsSatellite")]
    [TestCase("+80012345678", NumberKind.TollFree, PhoneNumber.NonGeographicRegion, TestName = "Kind_Plus800_IsNonGeographicTollFree")]
    public void Kind_OfARealNumber_IsWhatLibphonenumberSays(string e164, NumberKind kind, string region)
    {
        var number = PhoneNumber.Parse(e164);

        Assert.Multiple(() =>
        {
            Assert.That(number.Kind, Is.EqualTo(kind));
            Assert.That(number.Region, Is.EqualTo(region));
        });
    }

    [TestCase("9876543210", TestName = "Default_AllowsAnIndianMobile")]
    [TestCase("+911140000000", TestName = "Default_AllowsAnIndianLandline")]
    [TestCase("+917410410123", TestName = "Default_AllowsAnIndianFixedLineOrMobile")]
    public void Default_AllowsIndianMobilesAndLandlines(string raw) =>
        Assert.That(DestinationPolicy.Default.RefusalOf(PhoneNumber.Parse(raw)), Is.Null);

    [TestCase("+12125550123", "is a number in US", TestName = "Default_RefusesAUsNumber_NamingTheCountry")]
    [TestCase("+447911123456", "is a number in GG", TestName = "Default_RefusesAUkMobile_NamingTheCountry")]
    [TestCase("+449098790000", "Premium-rate", TestName = "Default_RefusesAUkPremiumRateNumber_ForItsKind")]
    [TestCase("+911800123456", "Toll-free", TestName = "Default_RefusesAnIndianTollFreeNumber")]
    [TestCase("+9118603451234", "Shared-cost", TestName = "Default_RefusesAnIndianSharedCostNumber")]
    [TestCase("+911409305260", "Universal access", TestName = "Default_RefusesAnIndianUan")]
    [TestCase("+911861123456789", "Premium-rate", TestName = "Default_RefusesAnIndianPremiumRateNumber")]
    [TestCase("+445612345678", "VoIP", TestName = "Default_RefusesAVoipNumber")]
    [TestCase("+447012345678", "Personal", TestName = "Default_RefusesAPersonalNumber")]
    [TestCase("+447640123456", "Pager", TestName = "Default_RefusesAPager")]
    [TestCase("+88213400000", "Satellite", TestName = "Default_RefusesAPlus882SatelliteNumber")]
    [TestCase("+881612345678", "Satellite", TestName = "Default_RefusesAPlus881SatelliteNumber")]
    [TestCase("+80012345678", "Toll-free", TestName = "Default_RefusesAnInternationalFreephone")]
    public void Default_RefusesWhatTheBusinessNeverMeansToRing(string e164, string reason) =>
        Assert.That(DestinationPolicy.Default.RefusalOf(PhoneNumber.Parse(e164)), Does.Contain(reason));

    [Test]
    public void RefusalOf_AForeignNumber_MasksIt() =>
        Assert.That(DestinationPolicy.Default.RefusalOf(PhoneNumber.Parse("+12125550123")), Does.Not.Contain("2125550123").And.Contain("0123"));

    [Test]
    public void RefusalOf_AKindAllowedInAnotherAllowedCountry_IsNull()
    {
        var policy = DestinationPolicy.Create(["IN", "GB"], [NumberKind.Mobile, NumberKind.Voip]);

        Assert.That(policy.RefusalOf(PhoneNumber.Parse("+445612345678")), Is.Null);
    }

    [Test]
    public void RefusalOf_AKindLeftOutOfTheConfiguration_NamesTheKind()
    {
        var policy = DestinationPolicy.Create(["IN"], [NumberKind.Mobile]);

        Assert.That(policy.RefusalOf(PhoneNumber.Parse("+911140000000")), Does.Contain("Landline"));
    }

    [TestCase("112")]
    [TestCase("100")]
    [TestCase("108")]
    [TestCase("+1 911")]
    [TestCase("+44 999")]
    public void IsEmergency_ForAnEmergencyServiceNumber_IsTrue(string raw) => Assert.That(PhoneNumber.IsEmergency(raw), Is.True);

    [TestCase("9876543210")]
    [TestCase("1091")]
    [TestCase("not a number")]
    [TestCase(null)]
    public void IsEmergency_ForAnythingElse_IsFalse(string? raw) => Assert.That(PhoneNumber.IsEmergency(raw), Is.False);

    [TestCase("112")]
    [TestCase("+91 112")]
    public void Choose_AnEmergencyNumber_IsRefusedNamingPhone(string raw)
    {
        var refusal = Assert.Throws<DomainException>(() => DialableDestination.Choose(DestinationPolicy.Default, raw, "+919876543210"));

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.Field, Is.EqualTo("phone"));
            Assert.That(refusal.Message, Does.Contain("Emergency"));
        });
    }

    [Test]
    public void Choose_WithoutAPhone_DialsTheNumberOnRecord() =>
        Assert.That(DialableDestination.Choose(DestinationPolicy.Default, null, "+919876543210").Number.E164, Is.EqualTo("+919876543210"));

    [Test]
    public void Choose_AnAllowedPhone_DialsItInsteadOfTheNumberOnRecord() =>
        Assert.That(DialableDestination.Choose(DestinationPolicy.Default, "98765 11111", "+12125550123").Number.E164, Is.EqualTo("+919876511111"));

    [Test]
    public void Choose_ARefusedPhone_IsRefusedNamingPhone()
    {
        var refusal = Assert.Throws<DomainException>(() => DialableDestination.Choose(DestinationPolicy.Default, "+449098790000", "+919876543210"));

        Assert.That(refusal!.Field, Is.EqualTo("phone"));
    }

    [Test]
    public void Choose_AForeignNumberOnRecord_IsRefusedSayingItIsTheNumberOnRecord()
    {
        var refusal = Assert.Throws<DomainException>(() => DialableDestination.Choose(DestinationPolicy.Default, null, "+12125550123"));

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.Field, Is.EqualTo("phone"));
            Assert.That(refusal.Message, Does.Contain("number on record is not dialable").And.Contain("US"));
        });
    }

    [Test]
    public void Choose_ANumberOnRecordThatNoLongerParses_IsRefusedNotAnError()
    {
        var refusal = Assert.Throws<DomainException>(() => DialableDestination.Choose(DestinationPolicy.Default, null, "+not-a-number"));

        Assert.That(refusal!.Field, Is.EqualTo("phone"));
    }

    [Test]
    public void Create_WithAnUnknownRegion_Throws() =>
        Assert.Throws<ArgumentException>(() => DestinationPolicy.Create(["IN", "XX"], DestinationPolicy.DefaultKinds));

    [Test]
    public void Create_WithTheNonGeographicRegion_Throws() =>
        Assert.Throws<ArgumentException>(() => DestinationPolicy.Create([PhoneNumber.NonGeographicRegion], DestinationPolicy.DefaultKinds));

    [Test]
    public void Create_WithNoCountry_Throws() => Assert.Throws<ArgumentException>(() => DestinationPolicy.Create([], DestinationPolicy.DefaultKinds));

    [Test]
    public void Create_AllowingEmergencyNumbers_Throws() =>
        Assert.Throws<ArgumentException>(() => DestinationPolicy.Create(["IN"], [NumberKind.Mobile, NumberKind.Emergency]));

    [Test]
    public void Create_WithLowerCaseCodes_ReadsThemAsUpperCase() =>
        Assert.That(DestinationPolicy.Create(["in"], DestinationPolicy.DefaultKinds).Countries, Is.EquivalentTo(new[] { "IN" }));
}
