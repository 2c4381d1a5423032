"""The log-in backend: Django's ModelBackend, except that the user of a session is read
together with their person (Member), so the pages that ask who is looking — nearly all of
them — spend one query on it, not two. (django-axes' backend, before it, only refuses
locked-out log-ins.)"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class MemberModelBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = model._default_manager.select_related("member").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
