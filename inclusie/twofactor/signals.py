"""Remember at sign-in whether this account has a second factor to pass."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from inclusie.twofactor import services


@receiver(user_logged_in, dispatch_uid="twofactor_remember_at_login")
def remember_at_login(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    typed = request.POST.get("username", "") if request.method == "POST" else ""
    request.session[services.SESSION_IDENT] = typed.strip() or user.get_username()
    request.session[services.SESSION_REQUIRED] = services.role_requires(
        user
    ) or services.is_enrolled(user)
