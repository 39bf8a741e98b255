## Публикации в СМИ (/media)
media-staff-only = Публикации вносят сотрудники центров и администраций районов.
media-title = <b>Публикации в СМИ за этот год</b>
media-none = Публикаций в этом году пока не внесено.
media-line = { $day } — { $outlet }: { $url }
media-line-no-link = { $day } — { $outlet }
media-drop = 🗑 Убрать: { $day } { $outlet }
media-dropped = Убрано
media-not-yours = Это публикация другого района или её уже убрали.
media-add = ➕ Добавить публикацию
media-ask-link = Пришлите ссылку на публикацию: сайт, ВКонтакте, Телеграм. Если ссылки нет (газета, телевидение) — «Без ссылки».
media-no-link = Без ссылки
media-no-link-mark = без ссылки
media-bad-link = Это не похоже на ссылку. Пример: https://vk.com/wall-123_45 или t.me/kemerovo/100
media-ask-outlet = Где вышла публикация? Выберите или напишите название, например: газета «Кемерово»
media-outlet-newspaper = Газета
media-outlet-tv = Телевидение
media-outlet-radio = Радио
media-outlet-site = Сайт
media-outlet-social = Соцсети
media-ask-day = Когда вышла? Нажмите кнопку или напишите: 15 ноября, 15.11.2026
media-today = Сегодня
media-yesterday = Вчера
media-summary =
    <b>Проверьте публикацию</b>
    Где: { $outlet }
    Когда: { $day }
    Ссылка: { $url }
media-already-sent = Эта публикация уже внесена.
media-saved = Публикация внесена. Она войдёт в годовой отчёт. Список — /media
