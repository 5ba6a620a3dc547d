using System.Security.Cryptography;
using System.Text;
using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Actions;

/// <summary>
/// Ids and match keys of reviews, recommendations and actions, made from what identifies them, so that importing the
/// same spreadsheet again, or closing a round again, finds the rows it made the first time.
/// </summary>
internal static class ActionIds
{
    public static string Review(string partnershipId, string nameKey) => "CR" + Hash($"{partnershipId}\n{nameKey}", 10);

    public static string Recommendation(string reviewId, string matchKey) => "REC" + Hash($"{reviewId}\n{matchKey}", 10);

    public static string Action(string partnershipId, string matchKey) => "A" + Hash($"{partnershipId}\n{matchKey}", 10);

    /// <summary>Within a review: its number ("#1.2"), or a hash of its normalised words.</summary>
    public static string RecommendationKey(RecommendationNumber recommendation) =>
        recommendation.Number is { } number ? "#" + number : "t:" + Hash(ActionKey.Normalise(recommendation.Text), 32);

    /// <summary>A review's action: its review, recommendation and normalised words.</summary>
    public static string ReviewActionKey(string reviewNameKey, string recommendationKey, string actionText) =>
        "review:" + Hash($"{reviewNameKey}\n{recommendationKey}\n{ActionKey.Normalise(actionText)}", 40);

    /// <summary>The <paramref name="index"/>th recommendation of an audit task's answers.</summary>
    public static string RoundActionKey(string taskId, int index) => $"task:{taskId}:{index}";

    private static string Hash(string text, int length) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];
}
