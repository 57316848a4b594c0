namespace Ipp.Graph.Images.Entities;

/// <summary>
/// A role whose holders may use an image (table <c>container_image_roles</c>): the role's stored name, as
/// <c>user_roles</c> keeps it (<see cref="Accounts.RoleNames"/>).
/// </summary>
public sealed class ContainerImageRole
{
    public long ImageId { get; set; }

    public required string Role { get; set; }
}
