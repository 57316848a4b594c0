using Ipp.Graph.Data.Lists;
using Ipp.Graph.Mail;

namespace Ipp.Graph.Administration;

/// <summary>The <c>Administration</c> settings: the page sizes of <c>users</c> and <c>auditLog</c>, and where mails send administrators.</summary>
public sealed class AdministrationOptions : IListPageSizeOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Administration";

    /// <summary>The page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>The largest <c>first</c> or <c>last</c> accepted; larger is HC0051.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>
    /// The frontend's users page (<c>/app/users</c> of <see cref="Authorization.Pages"/>) under <c>Mail:LinkBase</c>,
    /// which the mail telling of a pending account links to.
    /// </summary>
    public string UsersLinkPath { get; set; } = "users";

    /// <summary>Throws when the settings make no sense, so a bad configuration stops the start.</summary>
    internal void Validate()
    {
        IListPageSizeOptions.ValidatePageSizes(this, "Administration");

        if (!MailLinks.IsPagePath(UsersLinkPath))
        {
            throw new InvalidOperationException("Administration:UsersLinkPath must be a relative path (users), without query or fragment.");
        }
    }
}
