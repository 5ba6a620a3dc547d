using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DeepDive.Web.Pages.Users;

/// <summary>
/// A password made for someone, carried to the page that shows it once (through TempData, which the next read removes),
/// so it is never in an address, never stored in plain text, and gone when that page is left or reloaded.
/// </summary>
public static class NewPassword
{
    public const string Added = "added";
    public const string Reset = "reset";

    private const string Key = "NewPassword";

    public sealed record Shown(string Password, string Why);

    public static void Keep(ITempDataDictionary tempData, string userId, string password, string why) =>
        tempData[Key] = string.Join('\n', userId, why, password);

    /// <summary>The password made for <paramref name="userId"/>, once; null if it was shown already or was for someone else.</summary>
    public static Shown? Take(ITempDataDictionary tempData, string userId)
    {
        if (tempData[Key] is not string kept || kept.Split('\n') is not [var id, var why, var password] || id != userId)
        {
            return null;
        }

        return new Shown(password, why);
    }
}
