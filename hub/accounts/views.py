"""Account pages that allauth does not provide: the profile."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def profile(request):
    """The signed-in user's own profile."""
    return render(request, "accounts/profile.html", {"profile_user": request.user})
