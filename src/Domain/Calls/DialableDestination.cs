using TeleCmi.Domain.Common;

namespace TeleCmi.Domain.Calls;

/// <summary>
/// A number the <see cref="DestinationPolicy"/> allows TeleCMI to dial: the number asked for, else the driver's number
/// on record. Only a call to one of these is stored and sent to TeleCMI.
/// </summary>
public sealed record DialableDestination
{
    /// <summary>The request field a refusal names.</summary>
    public const string Field = "phone";

    private DialableDestination(PhoneNumber number) => Number = number;

    /// <summary>The number to dial.</summary>
    public PhoneNumber Number { get; }

    /// <summary>
    /// The number to dial for a call: <paramref name="requested"/> when given, else <paramref name="numberOnRecord"/> (E.164).
    /// Throws <see cref="DomainException"/> naming <see cref="Field"/> when the policy refuses it, so nothing is stored or dialled.
    /// </summary>
    public static DialableDestination Choose(DestinationPolicy policy, string? requested, string numberOnRecord)
    {
        if (requested is not null)
        {
            if (PhoneNumber.IsEmergency(requested))
                throw new DomainException("Emergency numbers cannot be dialled through TeleCMI. Call them from a phone.", Field);
            var number = PhoneNumber.Parse(requested);
            return policy.RefusalOf(number) is { } refusal ? throw new DomainException(refusal, Field) : new DialableDestination(number);
        }
        if (PhoneNumber.IsMasked(numberOnRecord))
            throw new DomainException("The driver's number on record was erased. Pass the number to dial as 'phone'.", Field);
        var onRecord = PhoneNumber.FromStored(numberOnRecord);
        return policy.RefusalOf(onRecord) is { } why
            ? throw new DomainException($"The driver's number on record is not dialable: {why} Pass a dialable 'phone', or correct the driver's number.", Field)
            : new DialableDestination(onRecord);
    }
}
