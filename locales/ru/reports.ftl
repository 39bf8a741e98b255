## Отчёт о субботнике
rep-ask-territory = По какой территории отчёт?
rep-ask-kind = Что проводили?
rep-kind-subbotnik = Субботник
rep-kind-action = Акция
rep-kind-event = Мероприятие
rep-kind-other = Другое
rep-ask-action = Название акции (если было):
rep-action-own = ✍️ Своё название
rep-ask-action-other = Напишите название:
rep-ask-date = Когда это было? Нажмите кнопку или напишите: 15 ноября, в субботу, 15.11.2026
rep-date-today = Сегодня
rep-date-yesterday = Вчера
rep-date-other = Другая дата
rep-ask-date-typed = Напишите дату, например: 15 ноября, в субботу или 15.11.2026 (не старше { $days } дней).
rep-ask-place = Где проходило? Напишите адрес или отправьте точку (📎 → Геопозиция).
rep-ask-place-home = Где проходило? Нажмите кнопку с адресом, напишите другой адрес или отправьте точку (📎 → Геопозиция).
rep-ask-participants = Сколько человек участвовало?
rep-ask-figures = Цифры, если есть, — одним сообщением, например: 12 мешков, 5 деревьев, 3 клумбы. Или нажмите на строку. Цифр нет — «Готово».
rep-figures-not-understood = Не понял «{ $part }». Напишите так: 12 мешков, 5 деревьев, 3 клумбы, 200 рассады.
rep-figure-not-for-kind = «{ $figure }» в этом отчёте не считается. Можно поменять вид дела в сводке.
rep-figure-too-big = «{ $figure }»: не больше { $high }. Проверьте число.
rep-ask-figure-value = { $figure }: напишите число (0 — убрать).
rep-figure-bags = Мешков мусора
rep-figure-trees = Деревьев и кустарников высажено
rep-figure-flowerbeds = Клумб разбито
rep-figure-seedlings = Рассады высажено (корней)
rep-figure-yards = Дворов благоустроено
rep-figure-decorated = Подъездов, окон, балконов украшено (не разделено)
rep-figure-entrances = Подъездов украшено
rep-figure-windows = Окон и балконов украшено
rep-figure-snow_towns = Снежных городков построено
rep-figure-snow_figures = Снежных фигур построено
rep-ask-description = Коротко опишите, что сделали (до { $max_length } знаков). Можно пропустить.
rep-ask-photos = Пришлите от 1 до { $limit } фото (можно альбомом). Потом нажмите «Готово».
rep-photos-count = Фото: { $count } из { $limit }. Пришлите ещё или нажмите «Готово».
rep-photos-limit = Можно не больше { $limit } фото. Лишние не добавлены.
rep-photos-need-photo = Здесь нужны фото. Пришлите фото или нажмите «Готово».
rep-photos-no-video = Видео не подходит — нужны фото.
rep-photos-no-document = Пришлите снимок как фото, а не файлом.
rep-photos-none = Сначала пришлите хотя бы одно фото.
rep-photo-repeat = Это фото уже есть в отчёте.
rep-summary =
    <b>{ $title }</b>
    Вид: { $kind }
    Акция: { $action }
    Дата: { $date }
    Место: { $place }
    Участников: { $participants }
    { $figures }
    Описание: { $description }
    Фото: { $photos }
    { $tags }
rep-title-new = Проверьте отчёт
rep-title-edit = Отчёт № { $id }: проверьте изменения
rep-none = —
rep-place-point = точка на карте
rep-incomplete = Не заполнено: { $steps }. Нажмите «Изменить».
rep-step-kind = вид
rep-step-date = дата
rep-step-place = место
rep-step-participants = участники
rep-step-description = описание
rep-step-photos = фото
rep-edit-kind = Вид
rep-edit-action = Акция
rep-edit-date = Дата
rep-edit-place = Место
rep-edit-participants = Участники
rep-edit-figures = Цифры
rep-edit-description = Описание
rep-edit-photos = Фото
rep-sent = Отчёт № { $id } отправлен на проверку. Спасибо! Мои отчёты: /myreports
rep-already-sent = Этот отчёт уже отправлен.
rep-new-for-staff = Новый отчёт № { $id } на проверку: { $kind }, { $date }. Открыть: /queue
rep-open = Открыть № { $id }

## Статусы
rep-status-submitted = на проверке
rep-status-accepted = принят
rep-status-returned = возвращён на доработку

## Мои отчёты
myreports-empty = У вас пока нет отчётов. Сообщить о деле: /report
myreports-title = <b>Мои отчёты</b>
myreports-line = № { $id } от { $date } — { $kind }: { $status }
rep-card-status = Статус: { $status }
rep-card-title = <b>№ { $id }</b>
rep-card-comment = Комментарий проверяющего: { $comment }
rep-card-author = Автор: { $name }, { $territory }
rep-card-earlier = ⚠️ Фото { $n } уже было в отчёте № { $id } от { $date }
rep-edit-button = ✏️ Изменить
rep-cannot-edit = Отчёт на проверке — дождитесь решения.
rep-not-yours = Это не ваш отчёт.

## Проверка (сотрудникам)
queue-empty = Отчётов на проверку нет.
queue-title = <b>Отчёты на проверку</b>: { $count }
queue-oldest = Здесь { $shown } самых давних; проверенные уйдут из списка, и придут следующие.
queue-line = № { $id } от { $date } — { $kind }, { $district }
mod-accept = ✅ Принять
mod-return = ↩️ Вернуть на доработку
mod-ask-comment = Напишите, что исправить в отчёте № { $id } (увидит автор):
mod-accepted = Отчёт № { $id } принят.
mod-returned = Отчёт № { $id } возвращён автору.
mod-already = Отчёт № { $id } уже рассмотрен: { $status }.
mod-not-your-district = Этот отчёт не из вашего района.
mod-author-accepted = Ваш отчёт № { $id } принят. Спасибо за работу!
mod-author-returned = Ваш отчёт № { $id } вернули на доработку: { $comment }
    Исправить: /myreports
