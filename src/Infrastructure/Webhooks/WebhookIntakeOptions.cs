namespace TeleCmi.Infrastructure.Webhooks;

/// <summary>Settings of the webhook intake (section <c>Webhooks</c>).</summary>
public sealed class WebhookIntakeOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// The most deliveries stored and applied in one transaction (group commit). 1 = every delivery in its own
    /// transaction. Deliveries are never held back to fill a batch: a batch is whatever arrived while the previous one
    /// was being committed.
    /// </summary>
    public int MaxBatch { get; set; } = 64;

    /// <summary>
    /// How many batches are written at once. Deliveries are spread over the writers by the call they name, so two
    /// deliveries for one call land in the same writer (and never in two concurrent transactions).
    /// </summary>
    public int Writers { get; set; } = 2;
}
