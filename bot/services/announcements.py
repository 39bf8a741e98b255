"""What an announcement will take: messages, time at the sending rate, Stars for an urgent one."""

from __future__ import annotations

import math
from dataclasses import dataclass

PHOTO_CAPTION_MAX = 1024  # a longer text follows the photo as a message of its own
PAID_MESSAGES_PER_STAR = 10  # Telegram's paid broadcast: 0.1 Star a message


@dataclass(frozen=True)
class SendEstimate:
    messages: int
    minutes: int  # whole minutes, rounded up; 0 when it takes less than a minute
    stars: int  # what Telegram charges; 0 for an ordinary announcement


def estimate(recipients: int, text: str, photo: bool, rate: float, urgent: bool) -> SendEstimate:
    each = 2 if photo and len(text) > PHOTO_CAPTION_MAX else 1
    messages = recipients * each
    seconds = messages / rate
    return SendEstimate(
        messages=messages,
        minutes=math.ceil(seconds / 60) if seconds >= 60 else 0,
        stars=math.ceil(messages / PAID_MESSAGES_PER_STAR) if urgent else 0,
    )
