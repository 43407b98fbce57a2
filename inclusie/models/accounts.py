import secrets

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inclusie.constants import Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("role", Role.BEHEERDER)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username):
        return self.get(email__iexact=username)


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Signs in with the e-mail address (or the short username)."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    username = models.CharField(
        _("gebruikersnaam"),
        max_length=150,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Optioneel. Kan in plaats van het e-mailadres gebruikt worden om in te loggen."
        ),
    )
    naam = models.CharField(_("naam"), max_length=200, blank=True)
    role = models.CharField(_("rol"), max_length=32, choices=Role.choices, default=Role.AMBASSADEUR)
    is_active = models.BooleanField(_("actief"), default=True)
    is_staff = models.BooleanField(_("toegang tot beheer"), default=False)
    date_joined = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    calendar_token = models.CharField(
        _("agendatoken"), max_length=64, unique=True, default=_new_token, editable=False
    )
    tweestaps_versie = models.PositiveIntegerField(
        _("versie tweestapsverificatie"),
        default=0,
        editable=False,
        help_text=_("Verhoogd bij elke wijziging van de tweede factor; meldt overal af."),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["naam", "email"]

    def __str__(self) -> str:
        return self.naam or self.email

    def get_full_name(self) -> str:
        return self.naam or self.email

    def get_short_name(self) -> str:
        return (self.naam or self.email).split(" ")[0]

    def _get_session_auth_hash(self, secret=None) -> str:
        # Django signs every session with a hash of the password, so a password change
        # signs the user out everywhere. Folding in the second-factor version does the same
        # when the authenticator app is replaced or reset (inclusie/twofactor/services.py).
        from django.utils.crypto import salted_hmac

        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        return salted_hmac(
            key_salt, f"{self.password}:{self.tweestaps_versie}", secret=secret, algorithm="sha256"
        ).hexdigest()

    def has_role(self, *roles: str) -> bool:
        return self.is_active and self.role in roles

    def reset_calendar_token(self) -> None:
        self.calendar_token = _new_token()
        self.save(update_fields=["calendar_token"])
