from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from inclusie import fragments

# The shared cache's key for the signed-in person (inclusie.fragments.read_through).
USER_KEY = "gebruiker:{}"


class EmailOrUsernameBackend(ModelBackend):
    """Sign in with the e-mail address or the short username, case-insensitively."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        User = get_user_model()
        ident = username.strip()
        user = User.objects.filter(Q(email__iexact=ident) | Q(username__iexact=ident)).first()
        if user is None:
            # Run the hasher anyway so timing does not reveal which accounts exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The signed-in person of every request, kept in the shared cache.

        Any write to the database changes the data version (inclusie.fragments), so a
        deactivated account, a new role or a changed password counts at the next request.
        """
        return fragments.read_through(
            USER_KEY.format(user_id), lambda: ModelBackend.get_user(self, user_id)
        )
