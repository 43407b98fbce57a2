"""The second factor: TOTP (an authenticator app) with one-time recovery codes.

Built on django-otp. Required for the beheerder and the wethouder (and any account
with access to /admin/), optional for every other role; once someone enrols, their
account asks for the code too. :class:`middleware.SecondFactorMiddleware` sends a
signed-in but unverified person to the code page before any page opens.
"""
